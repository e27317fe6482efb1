"""The small recognisers one by one: dates and places, quotes, amounts, lists, names, readers."""

import datetime
import io
import zipfile

import docx
import pytest

from document_import.dates import DateSpan, find_date_span
from document_import.figures import KeyFigure, find_key_figures
from document_import.lists import day_mention, day_mentions, keyword_case, numbered_options, objective
from document_import.quotes import Quote, find_quote
from document_import.recognise import CONFERENCE, recognise
from document_import.relations import names_in
from document_import.structure import read_docx, read_html, read_text, read_upload


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "On 6-7 October 2022, in Kutaisi, Georgia, the project",
            DateSpan(datetime.date(2022, 10, 6), datetime.date(2022, 10, 7), "Kutaisi, Georgia"),
        ),
        (
            "(Barcelona, 12-14 March 2024)",
            DateSpan(datetime.date(2024, 3, 12), datetime.date(2024, 3, 14), "Barcelona"),
        ),
        (
            "On 10 and 11 February 2021, the 4th meeting",
            DateSpan(datetime.date(2021, 2, 10), datetime.date(2021, 2, 11)),
        ),
        (
            "took place from 7\u20139 March 2023 in Brussels.",
            DateSpan(datetime.date(2023, 3, 7), datetime.date(2023, 3, 9), "Brussels"),
        ),
        ("du 12 au 14 mars 2024", DateSpan(datetime.date(2024, 3, 12), datetime.date(2024, 3, 14))),
        ("March 12-14, 2024", DateSpan(datetime.date(2024, 3, 12), datetime.date(2024, 3, 14))),
        ("in October 2020, after a consultation", None),
        ("on 31 February 2021", None),
    ],
)
def test_dates_ranges_and_places(text, span):
    assert find_date_span(text) == span


def test_the_city_is_the_first_part_of_the_place():
    assert find_date_span("On 6-7 October 2022, in Kutaisi, Georgia, it met").city == "Kutaisi"


def test_a_quote_with_its_speaker_and_role():
    text = (
        '"EU4Culture Cities Network is a unique cooperation platform for the cities.\u201d '
        "\u2013Highlighted Christophe Masson, Team Leader Inclusive Societies, DG NEAR"
    )

    assert find_quote(text) == Quote(
        "EU4Culture Cities Network is a unique cooperation platform for the cities.",
        "Christophe Masson",
        "Team Leader Inclusive Societies, DG NEAR",
    )
    assert find_quote("\u201cThe EU supports cultural exchanges,\u201d said Christophe Masson.") == Quote(
        "The EU supports cultural exchanges", "Christophe Masson", ""
    )
    assert find_quote("The cities joined the \u201cEU4Culture Cities Network\u201d and explored cooperation.") is None


def test_amounts_become_key_figures_with_their_sentence_as_label():
    figures = find_key_figures("Winner cities received EU funding of up to \u20ac300,000. Each city got EUR 300,000.")

    assert figures == [
        KeyFigure("up to \u20ac300,000", "Winner cities received EU funding of \u2026"),
        KeyFigure("EUR 300,000", "Each city got \u2026"),
    ]
    assert find_key_figures("57 city-to-city partnerships, 14 cities and 2024.") == []


def test_objectives_take_their_shouted_keyword():
    item = objective("To inform participants about <b>EVOLVING EU POLICIES</b> and practices towards cities/LAs.")

    assert item.keyword == "Evolving EU policies"
    assert item.text == "To inform participants about evolving EU policies and practices towards cities/LAs."
    assert keyword_case("RECOMMENDATIONS") == "Recommendations"


def test_numbered_options_and_days():
    assert numbered_options("options: (1) public spaces; (2) sustainable mobility; (3) housing.") == [
        "public spaces",
        "sustainable mobility",
        "housing",
    ]
    assert numbered_options("only (1) one option.") == []
    assert day_mention(
        "The aim is to dedicate <b>Day 1 to exchange on concrete results achieved</b> by all."
    ).title == ("Day 1: exchange on concrete results achieved")
    third = day_mention("The <b>third day</b> (morning) will mirror this experience with visits.")
    assert (third.number, third.title) == (3, "Day 3")
    assert day_mention("The second day was instrumental for Action Leaders.").number == 2
    assert day_mention("Plenary sessions will be combined during the meeting.") is None


def test_a_paragraph_naming_two_days_gives_one_agenda_day_each():
    paragraphs = read_html(
        "<h1>Kutaisi partnership meeting</h1>"
        "<p>On 6-7 October 2026, in Kutaisi, Georgia, the partner cities meet for the second time.</p>"
        "<h2>Agenda</h2>"
        "<p>The meeting runs over two days. <b>Day 1</b> (6 October): opening at the City Hall and "
        "exchange on the <b>cultural hub</b> results with Gyumri. <b>Day 2</b> (7 October): site "
        "visits to the renovated market and the tram depot, then conclusions.</p>"
    )
    agenda = paragraphs[-1]

    assert [day.number for day in day_mentions(agenda.html)] == [1, 2]
    document = recognise(paragraphs, kind=CONFERENCE)

    first, second = document.days
    assert (first.title, second.title) == ("Day 1: cultural hub", "Day 2")
    assert first.description_html.startswith("The meeting runs over two days. <b>Day 1</b> (6 October)")
    assert "site visits" not in first.description_html
    assert second.description_html.startswith("<b>Day 2</b> (7 October): site visits")
    assert "City Hall" not in second.description_html
    assert [document.agenda_day_date(day) for day in document.days] == [
        datetime.date(2026, 10, 6),
        datetime.date(2026, 10, 7),
    ]
    assert "Day 2" not in str(document.body)  # the paragraph went to the agenda, not the body


def test_names_are_matched_as_whole_words_and_acronyms_as_written():
    candidates = [("European Commission", "ec"), ("Commission europ\u00e9enne", "ec"), ("AMB", "amb"), ("Kutaisi", "k")]

    assert names_in("La Commission europ\u00e9enne et l'AMB \u00e0 Kutaisi", candidates) == ["ec", "amb", "k"]
    assert names_in("a lamb in Kutaisis; the amb", candidates) == []


def test_plain_text_lines_bullets_and_markdown_headings():
    paragraphs = read_text(
        "# Expected outcomes\n\n- 1) Evidence-based **demonstration**\n* Better informed cities\nText [x](#)"
    )

    assert [(p.kind, p.number, p.html) for p in paragraphs] == [
        ("heading", None, "Expected outcomes"),
        ("item", 1, "Evidence-based <b>demonstration</b>"),
        ("item", None, "Better informed cities"),
        ("paragraph", None, "Text x"),
    ]
    assert paragraphs[-1].placeholder_links == ["x"]


def test_html_from_word_keeps_headings_lists_and_emphasis_and_drops_office_markup():
    html = (
        "<html><head><style>p.MsoNormal{}</style></head><body>"
        '<h1>Background</h1><p class="MsoNormal"><strong>Partnerships</strong>&nbsp;&nbsp;<o:p></o:p></p>'
        '<p class="MsoNormal">&nbsp;</p><ol><li>1) To deepen <em>learning</em></li></ol>'
        '<p><a name="_Hlk115190810"></a>See <a href="https://example.org/report.pdf">the report</a></p></body></html>'
    )

    assert [(p.kind, p.number, p.html) for p in read_html(html)] == [
        ("heading", None, "Background"),
        ("paragraph", None, "<b>Partnerships</b>"),
        ("item", 1, "To deepen <i>learning</i>"),
        ("paragraph", None, 'See <a href="https://example.org/report.pdf">the report</a>'),
    ]


def test_word_documents_are_read_through_mammoth():
    document = docx.Document()
    document.add_heading("Next steps", level=2)
    paragraph = document.add_paragraph("The 5th Partnership meeting will take place ")
    paragraph.add_run("virtually").bold = True
    document.add_paragraph("Public spaces", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)

    assert [(p.kind, p.html) for p in read_docx(buffer)] == [
        ("heading", "Next steps"),
        ("paragraph", "The 5th Partnership meeting will take place <b>virtually</b>"),
        ("item", "Public spaces"),
    ]


def test_unsupported_or_broken_files_are_refused_with_a_reason():
    with pytest.raises(ValueError, match=r"Unsupported file type \.pdf"):
        read_upload("note.pdf", b"%PDF")
    with pytest.raises(ValueError, match="could not be read"):
        read_upload("note.docx", b"not a zip")


def test_a_docx_that_unpacks_too_large_is_refused_before_it_is_read():
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (51 * 1024 * 1024))
    assert len(packed.getvalue()) < 1024 * 1024
    with pytest.raises(ValueError, match="unpacks to over 50 MB"):
        read_upload("bomb.docx", packed.getvalue())
