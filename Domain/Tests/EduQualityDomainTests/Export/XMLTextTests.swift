import Testing
@testable import EduQualityDomain

@Suite("XML text")
struct XMLTextTests {
    @Test("the five special characters become references; forbidden controls are dropped; the rest is kept")
    func escaping() {
        #expect(XMLText.escaped(#"A&E <b>"night" 'shift'</b>"#) == "A&amp;E &lt;b&gt;&quot;night&quot; &#39;shift&#39;&lt;/b&gt;")
        #expect(XMLText.escaped("tab\tline\nreturn\r\u{0}\u{1B}bell\u{7}") == "tab\tline\nreturn\rbell")
        #expect(XMLText.escaped("Ysbyty Gwynedd — São Paulo 🏥") == "Ysbyty Gwynedd — São Paulo 🏥")
    }
}
