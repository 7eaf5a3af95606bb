"""
The explorer in a real browser: Debian's headless Chromium, driven by
Selenium through chromedriver, reading what a reader would see; then the
JSON API, which must give the rows the Python API gives.
"""

from __future__ import annotations

import shutil
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

import sco_digital as sd
from sco_digital.export import TABLES, to_records
from serving import Server, get_json

DS = sd.load()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.add_argument("--window-size=1280,1000")
    driver = webdriver.Chrome(
        options=options, service=Service(executable_path=shutil.which("chromedriver"))
    )
    try:
        yield driver
    finally:
        driver.quit()


def visit(browser: Any, server: Server, path: str) -> str:
    """Load *path* and return the page's visible text."""
    from selenium.webdriver.common.by import By

    browser.get(server.url + path.lstrip("/"))
    text: str = browser.find_element(By.TAG_NAME, "body").text
    return text


@pytest.mark.browser
class TestPages:
    def test_home(self, browser: Any, server: Server) -> None:
        text = visit(browser, server, "/")
        assert browser.title.startswith("SCO digital cooperation dataset")
        assert f"Data version {DS.data_version}." in text
        assert "Data license: CC-BY-4.0" in text
        assert f"{len(DS.projects)} projects citing {len(DS.sources)} sources" in text
        # Every exported table, terms and dataset_info; the search index is hidden.
        assert f"rows in {len(TABLES) + 2} tables" in text

    def test_projects_faceted_by_country(self, browser: Any, server: Server) -> None:
        from selenium.webdriver.common.by import By

        text = visit(browser, server, "/sco/projects")
        assert f"{len(DS.projects)} rows sorted by started descending" in text
        facet = browser.find_element(By.ID, "facet-countries")
        shown = [li.text for li in facet.find_elements(By.CSS_SELECTOR, "li")]
        counts = Counter(DS.country(code).name for p in DS.projects for code in p.countries)
        expected = [f"{name} {n}" for name, n in counts.most_common()]
        assert expected[:5] == shown[:5]
        status = browser.find_element(By.ID, "facet-status").text
        operational = sum(p.status is sd.ProjectStatus.OPERATIONAL for p in DS.projects)
        assert f"operational {operational}" in status
        # A facet value narrows the table: click China.
        facet.find_element(By.LINK_TEXT, "China").click()
        assert (
            f'{counts["China"]} rows where countries contains "China"'
            in browser.find_element(By.TAG_NAME, "body").text
        )

    def test_project_row_page(self, browser: Any, server: Server) -> None:
        from selenium.webdriver.common.by import By

        project = DS.project("luban-workshops-sco-network")
        text = visit(browser, server, "/sco/projects/luban-workshops-sco-network")
        assert project.name in text
        assert "鲁班工坊" in text  # its Chinese name, among the aliases
        children = browser.find_element(By.LINK_TEXT, f"{len(DS.children(project.id))} rows")
        assert "parent=luban-workshops-sco-network" in urllib.parse.unquote(
            children.get_attribute("href")
        )

    def test_canned_query_with_source_links(self, browser: Any, server: Server) -> None:
        from selenium.webdriver.common.by import By

        text = visit(browser, server, "/sco/figures_about_project?project=soho-cloud")
        assert "Figures about a project" in text
        for indicator in DS.indicators_for("soho-cloud"):
            assert indicator.text in text
            for source in indicator.sources:
                url = DS.source(source).url
                links = browser.find_elements(By.CSS_SELECTOR, f'a[href="{url}"]')
                assert links, url

    def test_search_in_chinese_and_a_country_in_chinese(self, browser: Any, server: Server) -> None:
        text = visit(browser, server, "/sco/projects?_search=" + urllib.parse.quote("鲁班"))
        assert '1 row where search matches "鲁班"' in text
        text = visit(browser, server, "/sco/members_on_date?day=2017-06-09")
        china = DS.country("CN")
        assert f"CN {china.name} {china.name_zh} {china.name_ru} member" in text


class TestJsonApi:
    def test_serves_read_only(self, server: Server) -> None:
        databases = get_json(server, "-/databases.json")
        assert [("sco", False, False)] == [
            (d["name"], d["is_mutable"], d["is_memory"]) for d in databases
        ]

    def test_tables_as_the_python_api(self, server: Server) -> None:
        for name in ("projects", "project_participants", "indicators", "memberships"):
            columns = [c.name for c in TABLES[name].columns]
            query = urllib.parse.urlencode(
                {
                    "_shape": "array",
                    "_size": "max",
                    "_col": columns,
                    "_sort": TABLES[name].primary_key[0],
                },
                doseq=True,
            )
            rows = get_json(server, f"/sco/{name}.json?{query}&_nofacet=1&_nocount=1")
            expected = to_records(DS, name)
            key = TABLES[name].primary_key
            assert sorted(expected, key=lambda r: [r[k] for k in key]) == sorted(
                ({c: r[c] for c in columns} for r in rows), key=lambda r: [r[k] for k in key]
            ), name

    def test_search_as_the_python_api(self, server: Server) -> None:
        rows = get_json(
            server,
            "/sco/projects.json?_shape=array&_search="
            + urllib.parse.quote("Кыргызстан Узбекистан"),
        )
        assert sorted(p.id for p in DS.projects if {"KG", "UZ"} <= p.countries) == sorted(
            r["id"] for r in rows
        )

    def test_canned_query_as_the_python_api(self, server: Server) -> None:
        rows = get_json(
            server,
            "/sco/projects_by_country_and_technology.json?_shape=array&country=UZ&technology=5G",
        )
        assert [p.id for p in DS.filter(country="UZ", technology="5G")] == [r["id"] for r in rows]
