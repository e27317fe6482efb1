"""Public feeds: news as RSS, Atom and JSON Feed, conferences as an iCalendar file."""
