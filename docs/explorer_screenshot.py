"""
Take the explorer's screenshot for docs/guide/explorer.md.

Starts ``sco-digital serve`` on a free loopback port, opens the projects
table faceted by country in Debian's headless Chromium (Selenium and
chromedriver, as the browser tests do), scrolls to the facets and saves
docs/_static/explorer/projects.png; then stops the server by its pid.

    python docs/explorer_screenshot.py
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

OUT = Path(__file__).parent / "_static" / "explorer" / "projects.png"


def main() -> None:
    """Serve, load, scroll, save."""
    server = subprocess.Popen(
        [sys.executable, "-m", "sco_digital", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = server.stdout.readline() if server.stdout else ""
        found = re.search(r"http://127\.0\.0\.1:[0-9]+/", line)
        if found is None:
            sys.exit(f"serve did not start: {line!r}")
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "chromium"
        for argument in ("--headless=new", "--no-sandbox", "--window-size=1280,900"):
            options.add_argument(argument)
        driver = webdriver.Chrome(
            options=options, service=Service(executable_path=shutil.which("chromedriver"))
        )
        try:
            driver.get(found.group(0) + "sco/projects?_search=luban")
            facets = driver.find_element(By.CLASS_NAME, "search-row")
            driver.execute_script("arguments[0].scrollIntoView()", facets)
            OUT.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(OUT))
        finally:
            driver.quit()
    finally:
        os.kill(server.pid, signal.SIGINT)
        server.wait()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
