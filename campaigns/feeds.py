"""RSS and Atom feeds of a portal's news in one language (django.utils.feedgenerator)."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_LENGTH = 20
FEED_CLASSES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


def _published(news):
    """A news item's date as a moment: its date at 9:00 in Rome (the time is not part of the news)."""
    return datetime.combine(news.date, time(9, 0), tzinfo=ZoneInfo(settings.TIME_ZONE))


def feed_response(kind, index, items, request, *, title):
    feed_class = FEED_CLASSES[kind]
    index_url = index.get_full_url(request)
    feed = feed_class(
        title=title,
        link=index_url,
        description=index.intro or title,
        language=index.locale.language_code,
        feed_url=request.build_absolute_uri(),
        feed_guid=request.build_absolute_uri(),
    )
    for news in items:
        url = news.get_full_url(request)
        feed.add_item(
            title=news.title,
            link=url,
            description=news.summary,
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=_published(news),
            updateddate=news.last_published_at or _published(news),
        )
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response
