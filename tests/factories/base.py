import factory
import wagtail_factories


def numbered(stem):
    """Unique names within a run: "Campagna 1", "Campagna 2" …"""
    return factory.Sequence(lambda n: f"{stem} {n}")


def italian(provider):
    """Fake Italian text (sentence, paragraph, company …), new for each object."""
    return factory.Faker(provider, locale="it_IT")


def intro_page_factory(model, title, **fields):
    """A factory of ``model`` pages with numbered titles and a one-sentence intro (index and plain pages)."""
    return factory.make_factory(
        model, FACTORY_CLASS=wagtail_factories.PageFactory, title=numbered(title), intro=italian("sentence"), **fields
    )
