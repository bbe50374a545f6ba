"""Concordat in a real browser, as a person would use it.

Starts `concordat demo` on a free loopback port (after adding two accounts), then with headless Chromium
through Selenium: walks every main page, checking each renders with its heading and passes an automated
accessibility check (axe-core, no serious or critical violations); signs in as a partner representative
and casts a vote for their organisation; submits an assurance return through the form; signs in as the
board secretary and closes the vote. Screenshots go to --screenshots. Exits non-zero on any failure.

Usage: walk.py --concordat PATH_TO_BINARY --screenshots DIR
"""
import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

PAGES = [
    "/", "/areas/east-kent", "/partnership", "/money", "/money/ledger", "/money/settlement", "/money/pools",
    "/assurance", "/assurance/east-kent", "/assurance/ae", "/assurance/returns", "/decisions", "/decisions/register",
    "/risks",
    "/programme", "/jobs", "/sign-in",
]
PASSWORD = "correct horse battery"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, flush=True)


def shows(driver, text, seconds=10):
    """Whether the page comes to show `text` within `seconds` (after a form posts and redirects)."""
    try:
        WebDriverWait(driver, seconds).until(lambda d: text in d.page_source)
        return True
    except Exception:
        return False


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--concordat", required=True)
    parser.add_argument("--screenshots", required=True)
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="concordat-browser-")
    env = dict(os.environ, CONCORDAT_DATABASE=os.path.join(folder, "concordat.sqlite"))
    run = lambda *a, stdin=None: subprocess.run([args.concordat, *a], cwd=folder, env=env, input=stdin, text=True,
                                                capture_output=True, check=True)
    run("init")
    run("user", "add", "--username", "pat", "--role", "partner-representative", "--organisation", "kcc",
        "--password-stdin", "--cost", "4", stdin=PASSWORD + "\n")
    run("user", "add", "--username", "bea", "--role", "board-secretary", "--password-stdin", "--cost", "4",
        stdin=PASSWORD + "\n")
    port = free_port()
    server = subprocess.Popen([args.concordat, "demo", "--people", "4000"], cwd=folder,
                              env=dict(env, CONCORDAT_PORT=str(port)), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(base + "/health", timeout=1)
                break
            except Exception:
                time.sleep(0.5)
        else:
            raise SystemExit("the demo did not start")
        options = Options()
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600"]:
            options.add_argument(flag)
        options.binary_location = "/usr/bin/chromium"
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            walk(driver, base, args.screenshots)
            journey(driver, base, args.screenshots)
        finally:
            driver.quit()
    finally:
        server.terminate()
        server.wait(timeout=20)
    if failures:
        print(f"{len(failures)} failures")
        sys.exit(1)
    print("browser walk: every page rendered and passed axe; vote, return and close all worked")


def walk(driver, base, shots):
    for path in PAGES:
        driver.get(base + path)
        name = path.strip("/").replace("/", "-") or "home"
        driver.save_screenshot(os.path.join(shots, name + ".png"))
        check("Concordat" in driver.title, f"{path}: title is {driver.title!r}")
        headings = driver.find_elements(By.TAG_NAME, "h1")
        check(len(headings) == 1 and headings[0].text.strip(), f"{path}: one h1 with text")
        check("Internal error" not in driver.page_source, f"{path}: an internal error")
        axe = Axe(driver)
        axe.inject()
        results = axe.run()
        serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        for violation in serious:
            nodes = ", ".join(n["target"][0] if n.get("target") else "?" for n in violation["nodes"][:3])
            check(False, f"{path}: axe {violation['impact']} {violation['id']}: {violation['help']} ({nodes})")
        print(f"ok {path}: {len(results['violations'])} minor axe findings", flush=True)


def sign_in(driver, base, user):
    driver.get(base + "/sign-in")
    driver.find_element(By.ID, "username").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    check(shows(driver, f"Signed in as {user}"), f"sign in as {user}")


def sign_out(driver):
    driver.find_element(By.CSS_SELECTOR, ".account button").click()
    check(shows(driver, ">Sign in<"), "sign out")


def journey(driver, base, shots):
    sign_in(driver, base, "pat")
    driver.get(base + "/decisions")
    check("Vote for Kent County Council" in driver.page_source, "the representative is offered their organisation's vote")
    driver.find_element(By.ID, "EKACP-2026-11-yes").click()
    driver.find_element(By.CSS_SELECTOR, "form[action='/decisions/EKACP-2026-11/ballot'] button").click()
    check(shows(driver, "1 of 14 parties have voted"), "the vote is counted as cast")
    check("Vote for Kent County Council" not in driver.page_source, "one seat, one vote")
    driver.save_screenshot(os.path.join(shots, "journey-voted.png"))
    driver.get(base + "/assurance/returns")
    driver.find_element(By.TAG_NAME, "summary").click()
    # Kent County Council is accountable for East Kent (a signatory of its partnership), so pat returns for it.
    Select(driver.find_element(By.ID, "place")).select_by_value("east-kent")
    driver.find_element(By.ID, "month").send_keys("2026-10")
    driver.find_element(By.ID, "value-ae-4-hour").send_keys("71.5")
    driver.find_element(By.ID, "narrative").send_keys("A busy October in East Kent.")
    driver.find_element(By.ID, "actions").send_keys("Discharge lounge opened.")
    driver.find_element(By.CSS_SELECTOR, "form[action='/assurance/returns'] button").click()
    check(shows(driver, "A busy October in East Kent."), "the return appears in the list")
    driver.save_screenshot(os.path.join(shots, "journey-return.png"))
    sign_out(driver)
    sign_in(driver, base, "bea")
    driver.get(base + "/decisions")
    driver.find_element(By.CSS_SELECTOR, "form[action='/decisions/EKACP-2026-11/close'] button").click()
    check(shows(driver, "Quorum is 8: not met"), "the closed vote is counted, quorum not met")
    driver.save_screenshot(os.path.join(shots, "journey-closed.png"))


if __name__ == "__main__":
    main()
