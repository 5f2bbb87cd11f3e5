import factory
import wagtail_factories

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Portale {n}")
    intro = factory.Faker("sentence", locale="it_IT")

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")
    intro = factory.Faker("sentence", locale="it_IT")

    class Meta:
        model = StandardPage
