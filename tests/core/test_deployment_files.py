"""docker-compose.yml cannot run here (no Docker engine), so check what can be checked: it parses,
has every service an operator needs, and its commands name things that exist in this code base."""

import importlib
import shlex
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _command(service) -> list[str]:
    command = service.get("command", [])
    return command if isinstance(command, list) else shlex.split(command)


def test_compose_defines_the_services_operators_run():
    services = _compose()["services"]
    assert {"postgres", "redis", "web", "worker", "beat"} <= set(services)
    assert services["postgres"]["image"].startswith("pgvector/pgvector:")
    for name in ("postgres", "redis", "web", "worker"):
        assert "healthcheck" in services[name], name
    assert set(_compose()["volumes"]) >= {"pgdata", "redisdata"}


def test_web_worker_and_beat_share_one_image_built_from_the_dockerfile():
    services = _compose()["services"]
    images = {services[name]["image"] for name in ("web", "worker", "beat", "migrate")}
    assert images == {"factcheck:latest"}
    assert all(services[name]["build"] == "." for name in ("web", "worker", "beat"))
    assert (ROOT / "Dockerfile").is_file()


def test_the_web_command_serves_the_real_wsgi_application():
    command = _compose()["services"]["web"]["command"]
    assert command[0] == "gunicorn"
    module, attribute = command[1].split(":")
    assert module == "factcheck.wsgi" and attribute == "application"
    assert (ROOT / "factcheck" / "wsgi.py").read_text().count("application = get_wsgi_application()") == 1


def test_celery_commands_name_the_project_app_and_queues_that_tasks_use():
    from django.conf import settings

    services = _compose()["services"]
    queues = set()
    for name, service in services.items():
        command = _command(service)
        if command[:1] != ["celery"]:
            continue
        assert command[1:3] == ["-A", "factcheck"], name
        assert hasattr(importlib.import_module("factcheck"), "celery_app")
        if "--queues" in command:
            queues |= set(command[command.index("--queues") + 1].split(","))
    beat = _command(services["beat"])
    assert "beat" in beat or "--beat" in beat
    assert settings.CELERY_TASK_DEFAULT_QUEUE in queues
    routed = {route.get("queue") for route in (getattr(settings, "CELERY_TASK_ROUTES", None) or {}).values()}
    assert routed - {None} <= queues, f"tasks routed to queues no worker listens on: {routed - queues}"


def test_the_example_env_file_sets_every_secret_production_requires():
    example = (ROOT / ".env.example").read_text()
    for variable in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "POSTGRES_PASSWORD"):
        assert f"\n{variable}=" in f"\n{example}", variable
    assert "env_file: .env" in (ROOT / "docker-compose.yml").read_text()


def test_postgres_is_given_memory_for_the_claim_matching_index():
    command = _command(_compose()["services"]["postgres"])
    assert command[0] == "postgres"
    settings = dict(arg.split("=", 1) for arg in command[1:] if arg != "-c")
    assert set(settings) >= {"shared_buffers", "maintenance_work_mem"}
    assert settings["shared_buffers"].startswith("${POSTGRES_SHARED_BUFFERS:-")  # sized by the operator
    assert "POSTGRES_SHARED_BUFFERS" in (ROOT / ".env.example").read_text()
