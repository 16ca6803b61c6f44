from django.db import migrations

# The default scale. ClaimReview needs a numeric ratingValue with best and worst;
# "Unverifiable" sits off the scale (no value) and is published by its name alone.
DEFAULT_SCALE = [
    ("True", 5, "The claim is accurate and nothing significant is missing."),
    ("Mostly true", 4, "The claim is accurate but needs clarification or additional information."),
    ("Misleading", 3, "The claim contains accurate elements but leaves a false impression."),
    ("Mostly false", 2, "The claim contains an element of truth but ignores critical facts."),
    ("False", 1, "The claim is inaccurate."),
    ("Unverifiable", None, "The available evidence can neither confirm nor refute the claim."),
]


def create_scale(apps, schema_editor):
    Rating = apps.get_model("claims", "Rating")
    for name, value, description in DEFAULT_SCALE:
        Rating.objects.get_or_create(name=name, defaults={"value": value, "description": description})


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_initial")]

    operations = [migrations.RunPython(create_scale, migrations.RunPython.noop)]
