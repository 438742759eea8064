"""The shape of the code: apps layered without cycles, and writes only through the named services."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
APPS = ["images", "articles", "editorial", "subscriptions", "banners", "orders", "accounts", "pages", "website", "demo", "newsroom"]
# The only modules that may write workflow fields of articles, or subscriptions.
SERVICES = {Path("editorial/actions.py"), Path("subscriptions/services.py")}
WORKFLOW_FIELDS = {"status", "published_at", "first_published_at"}
WRITE_METHODS = {"create", "update", "update_or_create", "get_or_create", "bulk_create", "bulk_update"}


def lint_imports(cwd):
    return subprocess.run([str(LINT_IMPORTS)], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_the_layers_contract_is_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_upward_import_from_articles_breaks_the_contract(tmp_path):
    for name in [*APPS, "pyproject.toml"]:
        source = ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, tmp_path / name)
    text_module = tmp_path / "articles" / "text.py"
    text_module.write_text(text_module.read_text() + "\nfrom editorial import actions  # noqa\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    assert "articles.text -> editorial.actions" in result.stdout


def project_modules():
    for app in [*APPS, "bench"]:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if "migrations" not in relative.parts and relative not in SERVICES:
                yield relative, ast.parse(path.read_text(), filename=str(relative))


def writes_outside_services(tree):
    """Lines that set an article's workflow fields or write a Subscription."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and target.attr in WORKFLOW_FIELDS and ast.unparse(target.value) != "self":
                    yield node.lineno, f"sets .{target.attr}"
        if not isinstance(node, ast.Call):
            continue
        source = ast.unparse(node.func)
        method = node.func.attr if isinstance(node.func, ast.Attribute) else source
        keywords = {keyword.arg for keyword in node.keywords}
        if method in WRITE_METHODS | {"Article"} and keywords & WORKFLOW_FIELDS:
            yield node.lineno, f"{source}({', '.join(sorted(keywords & WORKFLOW_FIELDS))}=…)"
        if source == "Subscription" or (method in WRITE_METHODS and "subscription" in source.lower()):
            yield node.lineno, f"{source}(…)"


def test_no_code_outside_the_services_writes_workflow_fields_or_subscriptions():
    found = [
        f"{path}:{line}: {what}" for path, tree in project_modules() for line, what in writes_outside_services(tree)
    ]
    assert found == []


@pytest.mark.parametrize(
    "code",
    [
        "article.status = Article.Status.PUBLISHED",
        "Article.objects.filter(pk=1).update(published_at=now)",
        "Article(title='x', status='published')",
        "Subscription.objects.create(reader=user, plan=plan)",
        "user.subscriptions.update(cancelled_at=now)",
    ],
)
def test_the_write_check_can_fail(code):
    assert list(writes_outside_services(ast.parse(code)))
