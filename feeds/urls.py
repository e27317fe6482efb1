"""Feed addresses, under ``/feeds/`` (see ``cms/urls.py``)."""

from django.urls import path

from .calendar import conferences_calendar
from .syndication import NewsAtomFeed, NewsFeed, NewsJSONFeed

app_name = "feeds"

urlpatterns = [
    path("news.rss", NewsFeed(), name="news-rss"),
    path("news.atom", NewsAtomFeed(), name="news-atom"),
    path("news.json", NewsJSONFeed(), name="news-json"),
    path("conferences.ics", conferences_calendar, name="conferences-ics"),
]
