"""Conferences as an iCalendar file (RFC 5545): one all-day event per conference, for calendar apps."""

from __future__ import annotations

import datetime
from functools import partial
from urllib.parse import urlsplit

import icalendar
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from cities.models import CityProfilePage
from graphql_api.locales import localized
from home.frontend import page_url
from home.visibility import visible_pages

from .selection import FEED_SIZE, FeedRequest
from .syndication import answered

CONTENT_TYPE = "text/calendar; charset=utf-8"


def conferences_calendar(request: HttpRequest) -> HttpResponseBase:
    return answered(request, partial(_calendar, request))


def _calendar(request: HttpRequest) -> HttpResponse:
    feed = FeedRequest.from_request(request)
    view = feed.view
    conferences = list(feed.conferences().order_by("-start_date", "-pk")[:FEED_SIZE])
    # Host cities are named only when their profile may be shown, in the feed's language if translated.
    keys = {conference.host_city.translation_key for conference in conferences if conference.host_city}
    cities = localized(
        visible_pages(view, CityProfilePage).filter(translation_key__in=keys), feed.locale, view.default_locale
    )
    city_names = {city.translation_key: city.title for city in cities}

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Citynews//Conferences//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{view.site.site_name or 'Citynews'} conferences")
    stamp = view.now.astimezone(datetime.UTC)
    domain = urlsplit(view.frontend_base_url).hostname
    for conference in conferences:
        event = icalendar.Event()
        url = page_url(view, conference.url_path, conference.locale_id) or ""
        # Stable across hosts and runs: the same conference in the same language is the same event.
        event.add("uid", f"conference-{conference.translation_key}-{feed.locale.language_code}@{domain}")
        event.add("dtstamp", stamp)
        event.add("summary", conference.title)
        # All-day events: DTEND is the day after the last day (RFC 5545, 3.6.1).
        event.add("dtstart", conference.start_date)
        event.add("dtend", conference.end_date + datetime.timedelta(days=1))
        city = conference.host_city and city_names.get(conference.host_city.translation_key)
        location = ", ".join(part for part in (conference.venue, city) if part)
        if location:
            event.add("location", location)
        if conference.summary:
            event.add("description", conference.summary)
        if url:
            event.add("url", url)
        if conference.last_published_at:
            event.add("last-modified", conference.last_published_at.astimezone(datetime.UTC))
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = 'inline; filename="conferences.ics"'
    return response
