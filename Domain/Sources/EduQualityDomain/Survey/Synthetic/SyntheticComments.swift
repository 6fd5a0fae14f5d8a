/// Phrases free-text answers are drawn from: what learners typically write, with a few
/// patient-safety and bullying comments for the triage queue to find.
enum SyntheticComments {
    static let workedWell = [
        "My practice supervisor was approachable and always made time to go through my learning objectives.",
        "The team made me feel welcome from the first day and included me in handovers.",
        "Teaching sessions were protected and well organised.",
        "I was given real responsibility with the right support, which built my confidence.",
        "Excellent induction: I had my IT login and ID badge on day one.",
        "Consultants were happy to teach on ward rounds and explained their decisions.",
        "Regular feedback meetings helped me track my progress against my proficiencies.",
        "Good exposure to a wide range of patients, including complex discharges.",
        "The multidisciplinary team encouraged me to ask questions.",
        "The practice education facilitator checked in with students every week.",
        "I could attend clinics and theatre lists that matched my curriculum.",
        "Simulation training on the unit was really valuable.",
        "Staff explained local policies and how to escalate a concern.",
        "They were flexible about my university study days.",
        "There is a dedicated student room with computers and a kettle.",
    ]

    static let couldBeImproved = [
        "Induction was rushed and I had no computer login for the first week.",
        "Staff shortages meant I was often used to fill gaps rather than to learn.",
        "My supernumerary status was not always respected on busy shifts.",
        "It was hard to meet my practice assessor because our shifts rarely overlapped.",
        "Teaching was often cancelled because of service pressures.",
        "There is nowhere to rest or eat on night shifts.",
        "Rota gaps made it hard to attend mandatory teaching.",
        "Feedback was inconsistent and usually only given when something went wrong.",
        "More chances to practise clinical skills under supervision would help.",
        "Parking costs and travel between community sites were a real problem.",
        "Some staff did not know students were coming and were unsure what we could do.",
        "The library was only open during office hours.",
        "Handover was disorganised and information was sometimes missed.",
    ]

    static let bullying = [
        "A senior member of staff regularly belittled students in front of patients.",
        "I was shouted at and undermined by the nurse in charge and did not feel able to report it.",
        "Some staff made inappropriate comments about my ethnicity.",
        "I received unwanted comments of a sexual nature from a member of staff.",
        "Learners were openly criticised and left out of the team; several of us felt bullied.",
        "A consultant told me I was \"just a student\" and should stop asking questions.",
    ]

    static let patientSafety = [
        "On several night shifts the ward had one registered nurse for more than twenty patients.",
        "Observations were not always recorded on time when the ward was short-staffed.",
        "I was asked to give medication without a registered professional checking it.",
        "Junior doctors covered two wards overnight with no senior review available.",
        "Items on the resuscitation trolley were often missing or out of date.",
        "Handover of deteriorating patients was verbal only and details were lost.",
        "I was left alone to care for an acutely unwell patient, beyond my competence.",
        "Falls risk assessments were not completed for several patients.",
    ]
}
