"""The cleaning step every saved rich text goes through, on the artefacts of the seed documents."""

import pytest

from home.rich_text_cleaning import clean_rich_text, is_placeholder_href


def test_word_bookmarks_are_removed_and_the_words_kept():
    html = (
        "<p>[bookmark: _Hlk115190810]The event focused on networking.</p>"
        "<p>[bookmark: _gjdgxs][bookmark: _30j0zll] “EU4Culture Cities Network is unique.”</p>"
    )

    assert clean_rich_text(html).html == (
        "<p>The event focused on networking.</p><p>“EU4Culture Cities Network is unique.”</p>"
    )


def test_office_comments_and_empty_office_tags_are_removed():
    html = "<p>Kutaisi<o:p></o:p><!--[if !supportLists]-->, Georgia<!-- note --></p>"

    assert clean_rich_text(html).html == "<p>Kutaisi, Georgia</p>"


def test_markdown_emphasis_becomes_bold_and_italic():
    html = (
        "<p>The “*Partnerships for Sustainable Cities*” programme seeks ***to promote joint learning*** "
        "with a **primary target group**; 5 * 3 stays, as does a lone * star.</p>"
    )

    assert clean_rich_text(html).html == (
        "<p>The “<i>Partnerships for Sustainable Cities</i>” programme seeks <b><i>to promote joint learning</i></b> "
        "with a <b>primary target group</b>; 5 * 3 stays, as does a lone * star.</p>"
    )


def test_markdown_links_become_links_or_lose_a_placeholder_address():
    cleaned = clean_rich_text(
        "<p>The [proceedings can be found here](#), the [report](https://example.org/r.pdf) "
        "and the [note]() and [script](javascript:alert(1)).</p>"
    )

    assert cleaned.html == (
        '<p>The proceedings can be found here, the <a href="https://example.org/r.pdf">report</a> '
        "and the note and script.</p>"
    )
    assert cleaned.placeholder_links == ["proceedings can be found here", "note", "script"]


@pytest.mark.parametrize("href", ["#", "", " # ", "javascript:alert(1)", "JavaScript&#58;x", "java\tscript:x"])
def test_html_links_leading_nowhere_are_unwrapped_and_reported(href):
    cleaned = clean_rich_text(f'<p>See <a href="{href}">the <b>policy note</b></a>.</p>')

    assert cleaned.html == "<p>See the <b>policy note</b>.</p>"
    assert cleaned.placeholder_links == ["the policy note"]
    assert is_placeholder_href(href)


def test_real_links_and_internal_references_are_kept():
    html = (
        '<p><a href="https://example.org/">site</a> <a linktype="page" id="3">page</a> '
        '<a href="mailto:info@example.org">mail</a></p>'
    )

    cleaned = clean_rich_text(html)

    assert cleaned.html == html
    assert cleaned.placeholder_links == []


def test_empty_paragraphs_and_non_breaking_space_runs_are_removed():
    html = (
        "<p></p><p>&nbsp;</p><p><br/></p><p><b> </b></p>"
        "<p>Barcelona&nbsp;&nbsp; &nbsp;12-14 March</p><p>« Bonjour&nbsp;»</p><ul><li> </li></ul><h3></h3>"
    )

    assert clean_rich_text(html).html == "<p>Barcelona 12-14 March</p><p>« Bonjour&nbsp;»</p>"


def test_smart_quotes_and_attributes_are_left_alone():
    html = '<p data-block-key="a1b2c">“Quoted” \u2018words\u2019 \u2013 with *stars* in text</p>'

    assert (
        clean_rich_text(html).html
        == '<p data-block-key="a1b2c">“Quoted” \u2018words\u2019 \u2013 with <i>stars</i> in text</p>'
    )


def test_cleaning_clean_html_changes_nothing():
    messy = "<p>[bookmark: _Hlk1] ***Bold*** and [x](#)</p><p>&nbsp;</p>"
    once = clean_rich_text(messy).html

    assert clean_rich_text(once).html == once == "<p><b><i>Bold</i></b> and x</p>"
