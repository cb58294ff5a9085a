import pytest
from pydantic import ValidationError

from bot.settings import PROJECT_DIR, Settings


def test_env_variables_override_defaults(monkeypatch):
    monkeypatch.setenv("BOT_RETRIEVAL_MODE", "dense")
    monkeypatch.setenv("BOT_K", "7")
    settings = Settings(_env_file=None)
    assert (settings.retrieval_mode, settings.k) == ("dense", 7)


@pytest.mark.parametrize(("name", "value"), [("BOT_RETRIEVAL_MODE", "magic"), ("BOT_K", "0"), ("BOT_PORT", "99999")])
def test_invalid_values_are_rejected(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError):
        Settings(_env_file=None)


def test_env_example_lists_every_setting():
    example = (PROJECT_DIR / ".env.example").read_text(encoding="utf-8")
    listed = {line.split("=")[0].lstrip("# ").strip() for line in example.splitlines() if "=" in line}
    assert listed == {f"BOT_{name.upper()}" for name in Settings.model_fields}


def test_public_settings_hide_secrets():
    public = Settings(llm_api_key="sk-secret", staff_password="pw", _env_file=None).public()
    assert "sk-secret" not in str(public) and "pw" not in public.values()
