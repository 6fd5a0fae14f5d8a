// Progressive enhancement only: every page works without this file.
import { initAll } from '/nhsuk/js/nhsuk-frontend-10.4.2.min.js'

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported')
initAll()

// Sections shown only for some choices of a radio group (see FormSection): hidden and disabled
// otherwise, so that nothing hidden is sent.
for (const section of document.querySelectorAll('[data-eq-revealed-by]')) {
  const form = section.closest('form')
  const radios = form.querySelectorAll(`input[type="radio"][name="${section.dataset.eqRevealedBy}"]`)
  const values = section.dataset.eqRevealedFor.split(' ')
  const sync = () => {
    const chosen = Array.from(radios).find((radio) => radio.checked)
    const shown = !chosen || values.includes(chosen.value)
    section.classList.toggle('nhsuk-radios__conditional--hidden', !shown)
    for (const control of section.querySelectorAll('input, select, textarea')) control.disabled = !shown
  }
  radios.forEach((radio) => radio.addEventListener('change', sync))
  window.addEventListener('pageshow', sync)
  sync()
}

// Option groups that follow another select box (sites under the chosen organisation): only the
// chosen one's group stays in the list; a choice from another group is cleared.
for (const select of document.querySelectorAll('select[data-eq-groups-follow]')) {
  const leader = document.getElementById(select.dataset.eqGroupsFollow)
  const groups = Array.from(select.querySelectorAll('optgroup[data-eq-belongs-to]'))
  const sync = () => {
    for (const group of groups) {
      const keep = group.dataset.eqBelongsTo === leader.value
      if (keep && !group.parentNode) select.append(group)
      if (!keep && group.parentNode) {
        if (group.contains(select.selectedOptions[0])) select.value = ''
        group.remove()
      }
    }
  }
  leader.addEventListener('change', sync)
  window.addEventListener('pageshow', sync)
  sync()
}
