"""A NUL character in any string argument is the client's error, never an internal one."""

import pytest

QUERIES = [
    '{ search(query: "cul\\u0000ture") { totalCount } }',
    '{ newsItem(slug: "news\\u00001") { title } }',
    '{ newsItems(filter: {city: "kuta\\u0000isi"}) { totalCount } }',
    '{ page(urlPath: "/news/\\u0000/") { title } }',
]


@pytest.mark.parametrize("query", QUERIES)
def test_nul_character_in_a_string_argument_is_bad_user_input(graphql, content, query):
    response = graphql(query)
    assert response.codes == ["BAD_USER_INPUT"], response.body
    assert "NUL" in response.errors[0]["message"]


def test_nul_character_in_a_variable_is_bad_user_input(graphql, content):
    response = graphql("query ($slug: String!) { city(slug: $slug) { title } }", {"slug": "kutaisi\u0000"})
    assert response.codes == ["BAD_USER_INPUT"], response.body
