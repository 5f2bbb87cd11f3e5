"""Fixed vocabularies of the directories (labels translatable, codes stable)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DirectoryKind(models.TextChoices):
    ASSOCIATION = "association", _("Associazioni")
    BUSINESS = "business", _("Imprese femminili")
    SERVICE = "service", _("Centri e servizi")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("lunedì")
    TUESDAY = 1, _("martedì")
    WEDNESDAY = 2, _("mercoledì")
    THURSDAY = 3, _("giovedì")
    FRIDAY = 4, _("venerdì")
    SATURDAY = 5, _("sabato")
    SUNDAY = 6, _("domenica")


# schema.org day names, for JSON-LD openingHoursSpecification.
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

LEGAL_FORMS = [
    ("association", _("Associazione")),
    ("aps", _("Associazione di promozione sociale (APS)")),
    ("odv", _("Organizzazione di volontariato (ODV)")),
    ("social_cooperative", _("Cooperativa sociale")),
    ("cooperative", _("Cooperativa")),
    ("consortium", _("Consorzio")),
    ("foundation", _("Fondazione")),
    ("sole_trader", _("Impresa individuale")),
    ("company", _("Società (srl, snc, sas, spa …)")),
    ("public_body", _("Ente pubblico")),
    ("university", _("Università o ente di ricerca")),
    ("other", _("Altro")),
]

SPOKEN_LANGUAGES = [
    ("it", _("italiano")),
    ("en", _("inglese")),
    ("fr", _("francese")),
    ("es", _("spagnolo")),
    ("de", _("tedesco")),
    ("pt", _("portoghese")),
    ("ar", _("arabo")),
    ("ro", _("rumeno")),
    ("sq", _("albanese")),
    ("uk", _("ucraino")),
    ("ru", _("russo")),
    ("zh", _("cinese")),
    ("bn", _("bengalese")),
    ("ur", _("urdu")),
    ("hi", _("hindi")),
    ("tl", _("tagalog")),
    ("wo", _("wolof")),
    ("ti", _("tigrino")),
    ("lis", _("lingua dei segni italiana (LIS)")),
]

TARGET_GROUPS = [
    ("women", _("donne")),
    ("migrant_women", _("donne con background migratorio")),
    ("violence_survivors", _("donne che subiscono violenza")),
    ("entrepreneurs", _("imprenditrici e aspiranti imprenditrici")),
    ("job_seekers", _("persone in cerca di lavoro")),
    ("young_people", _("giovani")),
    ("families", _("famiglie")),
    ("people_with_disabilities", _("persone con disabilità")),
    ("older_people", _("persone anziane")),
    ("lgbtqia", _("persone LGBTQIA+")),
    ("everyone", _("tutta la cittadinanza")),
]
