"""Translating content through wagtail-localize, the way the editor does it.

The demo and the tests translate pages with the same machinery staff use in the
admin (translation source, string segments, string translations), so a demo
translation shows up in wagtail-localize's editor and follows the usual
"update translations when the source changes" cycle.
"""

from django.db import transaction
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


@transaction.atomic
def translate(instance, language_code, strings, *, publish=True, user=None):
    """Translate ``instance`` into ``language_code``.

    ``strings`` maps source strings (as wagtail-localize extracts them: field values,
    rich-text fragments) to their translation. Strings without one keep the source
    text, as in the editor. Returns the translated instance.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    # wagtail-localize publishes on commit from the in-memory page, which undoes tree
    # changes made meanwhile in the same transaction (translating a parent, then its
    # child, loses the parent's child count). Save a draft, publish a fresh revision now.
    if not isinstance(instance, DraftStateMixin):
        # Snippets without drafts are saved as they are translated.
        translation.save_target(user=user, publish=True)
        return instance.get_translation(locale)
    translation.save_target(user=user, publish=False)
    target = instance.get_translation(locale)
    if publish:
        target.get_latest_revision().publish(user=user)
        target.refresh_from_db()
    return target


def source_strings(instance):
    """The strings wagtail-localize extracts from ``instance`` (what a translator sees)."""
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    return [segment.string.data for segment in StringSegment.objects.filter(source=source).select_related("string")]
