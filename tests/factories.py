"""factory_boy factories for the domain model. Tests build what they need, nothing more."""

import hashlib

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from claims.models import Article, Claim, ClaimMention, Outlet, Rating, Verdict
from sources.models import Evidence, Source


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")
    is_staff = True

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for name in extracted or ():
            self.groups.add(Group.objects.get(name=name))


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Outlet {n}")
    domain = factory.Sequence(lambda n: f"outlet{n}.example")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    outlet = factory.SubFactory(OutletFactory)
    url = factory.Sequence(lambda n: f"https://news.example/article-{n}")
    raw_text = factory.Sequence(lambda n: f"North Korea recognised the Donetsk People's Republic, report {n} said.")
    cleaned_text = factory.LazyAttribute(lambda a: a.raw_text)
    text_sha256 = factory.LazyAttribute(lambda a: hashlib.sha256(a.cleaned_text.encode()).hexdigest())
    language = "en"
    extraction_status = Article.ExtractionStatus.DONE


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    text = factory.Sequence(lambda n: f"North Korea was the {n}th country to recognise the Donetsk People's Republic.")
    normalized_text = factory.LazyAttribute(lambda c: c.text.lower().rstrip("."))
    checkworthiness = 0.8
    claim_type = Claim.Type.EVENT


class ClaimMentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClaimMention

    claim = factory.SubFactory(ClaimFactory)
    article = factory.SubFactory(ArticleFactory)
    sentence = factory.LazyAttribute(lambda m: m.article.cleaned_text)
    start = 0
    end = factory.LazyAttribute(lambda m: len(m.sentence))
    speaker = "Denis Pushilin"
    cited_source = "Tass"


def rating(name: str = "False") -> Rating:
    return Rating.objects.get(name=name)


class VerdictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verdict

    claim = factory.SubFactory(ClaimFactory, status=Claim.Status.IN_REVIEW)
    rating = factory.LazyFunction(rating)
    explanation = "The Korean Central News Agency reported the recognition on 13 July 2022."


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    url = factory.Sequence(lambda n: f"https://reference.example/page-{n}")
    title = factory.Sequence(lambda n: f"Reference {n}")
    kind = Source.Kind.REFERENCE
    text = "North Korea recognised the Donetsk People's Republic on 13 July 2022."
    text_sha256 = factory.LazyAttribute(lambda s: hashlib.sha256(s.text.encode()).hexdigest())


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    claim = factory.SubFactory(ClaimFactory)
    source = factory.SubFactory(SourceFactory)
    passage = factory.LazyAttribute(lambda e: e.source.text)
    passage_sha256 = factory.LazyAttribute(lambda e: hashlib.sha256(e.passage.encode()).hexdigest())
    relevance = 0.9
    stance = Evidence.Stance.SUPPORTS
    fetcher = "internal"
