import EduQualityDomain
import Foundation

/// The Atom feed of newly published review reports (RFC 4287), newest first. Every text is
/// escaped for XML.
enum ReviewAtomFeed {
    static func escape(_ text: String) -> String { XMLText.escaped(text) }

    static func timestamp(_ day: CalendarDay) -> String { day.iso + "T00:00:00Z" }

    static func xml(_ reports: [ReviewReportSnapshot], site: String) -> String {
        let updated = reports.map(\.publishedOn).max().map(timestamp) ?? "2026-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>EduQuality: published review reports</title>
          <id>\(escape(site))/reviews</id>
          <link rel="self" href="\(escape(site))/reviews/feed.atom"/>
          <link rel="alternate" type="text/html" href="\(escape(site))/reviews"/>
          <updated>\(updated)</updated>
          <author><name>EduQuality</name></author>

        """
        for report in reports {
            let link = "\(site)/reviews/\(report.reference)"
            let summary = report.sections[.whatWorksWell].map { String($0.prefix(500)) } ?? report.title
            xml += """
              <entry>
                <title>\(escape(report.title))</title>
                <id>\(escape(link))?version=\(report.version)</id>
                <link rel="alternate" type="text/html" href="\(escape(link))"/>
                <updated>\(timestamp(report.publishedOn))</updated>
                <published>\(timestamp(report.publishedOn))</published>
                <category term="\(escape(report.type.code))" label="\(escape(report.type.name))"/>
                <summary>\(escape("\(report.provider.name), \(report.region.name). \(summary)"))</summary>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }
}
