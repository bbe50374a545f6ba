"""Concordat in a real browser, as a person would use it.

Starts `concordat demo` on a free loopback port (after adding two accounts), then with headless Chromium
through Selenium: walks every main page, checking each renders with its heading and passes an automated
accessibility check (axe-core, no serious or critical violations); signs in as a partner representative
and casts a vote for their organisation; submits an assurance return through the form; signs in as the
board secretary and closes the vote. Then the scenario journey of issue 17: an analyst writes the East Kent
frailty scenario through the builder form, runs it, sees every output (fan chart, waterfall, tornado, ledger
impact, red-line probabilities, indicators, beds), cancels a second, long run, and drafts the business case
from the first; the board secretary tables a proposal on /decisions with the case attached, where the
Green Book and Section 151 red lines are judged (the latter breached for want of a
determination); KCC's Section 151 officer records a determination, and the Section 151 red line is computed
from it. Every page on the way passes axe. Screenshots go to --screenshots. Exits non-zero on any failure.

Usage: walk.py --concordat PATH_TO_BINARY --screenshots DIR
"""
import argparse
import base64
import json
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
SHOTS = "."
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


def readme_recipe():
    """The commands of the README's scenario-journey recipe, each as its arguments after `concordat`."""
    readme = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "README.md")).read()
    block = readme.split("<!-- scenario-journey")[1].split("<!-- /scenario-journey -->")[0]
    return [line.split()[1:] for line in block.splitlines() if line.strip().startswith("concordat ")]


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
    global SHOTS
    SHOTS = args.screenshots
    folder = tempfile.mkdtemp(prefix="concordat-browser-")
    env = dict(os.environ, CONCORDAT_DATABASE=os.path.join(folder, "concordat.sqlite"))
    run = lambda *a, stdin=None: subprocess.run([args.concordat, *a], cwd=folder, env=env, input=stdin, text=True,
                                                capture_output=True, check=True)
    run("init")
    run("user", "add", "--username", "pat", "--role", "partner-representative", "--organisation", "kcc",
        "--password-stdin", "--cost", "4", stdin=PASSWORD + "\n")
    run("user", "add", "--username", "bea", "--role", "board-secretary", "--password-stdin", "--cost", "4",
        stdin=PASSWORD + "\n")
    # The scenario journey's accounts, made by the README's own recipe (so it cannot rot); bea is already made.
    recipe = readme_recipe()
    check(recipe[0] == ["init"] and recipe[-1] == ["demo", "--people", "4000"], f"the README's recipe: {recipe}")
    for command in recipe:
        if command[:2] == ["user", "add"] and "bea" not in command:
            run(*command, "--cost", "4", stdin=PASSWORD + "\n")
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
            scenario_journey(driver, base, args.screenshots)
        finally:
            driver.quit()
    finally:
        server.terminate()
        server.wait(timeout=20)
    if failures:
        print(f"{len(failures)} failures")
        sys.exit(1)
    print("browser walk: every page rendered and passed axe; vote, return and close all worked; "
          "scenario, cancel, business case, proposal and red lines all worked")


def walk(driver, base, shots):
    for path in PAGES:
        driver.get(base + path)
        audit(driver, path)


def audit(driver, path):
    """The page now shown: a screenshot, its title and one h1, no internal error, and axe's check."""
    name = path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-") or "home"
    driver.save_screenshot(os.path.join(SHOTS, name + ".png"))
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


# The East Kent frailty scenario of issue 17 (docs/examples/east-kent-frailty.json), field by field as the
# builder asks for it: percentages as percentages, money in pounds. 50 runs keep the walk quick.
FRAILTY = {
    "name": "East Kent frailty: home first",
    "description": "Avoid 5-15% of emergency admissions of people aged 75+ in long decline in East Kent; "
                   "10-20% as home-first community care at 180 pounds a contact; 2.5m a year through KCHFT",
    "baseYear": "2026/27", "horizon": "5", "runs": "50", "seed": "2027",
    "growthLow": "0.2", "growthHigh": "0.8", "growth75Low": "2", "growth75High": "3.5",
    "otherGrowthLow": "0", "otherGrowthHigh": "2", "occupancy": "92",
    "c1.name": "Avoid emergency admissions of frail older people", "c1.kind": "avoid",
    "c1.setting": "inpatient_nonelective", "c1.places": "east-kent", "c1.segments": "longDeclineFrailtyDementia",
    "c1.agedAtLeast": "75", "c1.fractionLow": "5", "c1.fractionHigh": "15", "c1.start": "2027/28", "c1.ramp": "2",
    "c2.name": "Home first: community care instead", "c2.kind": "shift", "c2.setting": "inpatient_nonelective",
    "c2.places": "east-kent", "c2.segments": "longDeclineFrailtyDementia", "c2.agedAtLeast": "75",
    "c2.fractionLow": "10", "c2.fractionHigh": "20", "c2.start": "2027/28", "c2.ramp": "2",
    "c2.toSetting": "community", "c2.toUnitCost": "180", "c2.toPartner": "RYY",
    "i1.name": "Home-first teams", "i1.partner": "RYY", "i1.kind": "revenue", "i1.perYear": "2,500,000",
    "i1.from": "2027/28", "i1.setting": "community", "i1.place": "east-kent",
}
CASE = "BC-EK-FRAILTY"
PROPOSAL = "EKACP-FRAILTY-1"


def fill(driver, fields):
    """Types (or chooses) each field's value, by the field's id, as a person would."""
    for field, value in fields.items():
        element = driver.find_element(By.ID, field)
        if element.tag_name == "select":
            Select(element).select_by_value(value)
        else:
            element.clear()
            element.send_keys(value)


def submit_scenario(driver, base, fields):
    """Writes a scenario on the builder and submits it; the number of its results page."""
    driver.get(base + "/scenarios/new")
    fill(driver, fields)
    driver.find_element(By.CSS_SELECTOR, "form[action='/scenarios'] button[type=submit]").click()
    WebDriverWait(driver, 20).until(lambda d: "/scenarios/" in d.current_url and "/new" not in d.current_url)
    return driver.current_url.rsplit("/", 1)[1]


def api(base, method, path, user, body=None):
    """A script's call to the API (HTTP Basic, JSON): its status and JSON answer."""
    request = urllib.request.Request(
        base + path, method=method, data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json",
                 "Authorization": "Basic " + base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def judgement(driver, base, name):
    """The /decisions page's judgement of the proposal's red line called `name` (a part of it), or ''."""
    driver.get(base + "/decisions")
    section = driver.find_element(By.ID, PROPOSAL).find_element(By.XPATH, "following-sibling::details[1]")
    for item in section.find_elements(By.TAG_NAME, "li"):
        text = item.get_attribute("textContent")
        if name in text:
            return text
    return ""


def scenario_journey(driver, base, shots):
    sign_in(driver, base, "ana")
    driver.get(base + "/scenarios/new")
    audit(driver, "/scenarios/new")
    scenario = submit_scenario(driver, base, FRAILTY)
    check(shows(driver, "Draft its business case", seconds=240), f"scenario {scenario} ran to its results")
    audit(driver, f"/scenarios/{scenario}")
    page = driver.page_source
    for anchor in ["fan", "waterfall-chart", "tornado-chart", "projection", "waterfall", "tornado", "ledger",
                   "red-lines", "indicators", "beds"]:
        check(len(driver.find_elements(By.ID, anchor)) == 1, f"the results show {anchor}")
    check(len(driver.find_elements(By.CSS_SELECTOR, "main figure svg")) >= 3, "fan chart, waterfall and tornado drawn")
    for words in ["Cost against the control total", "Change-factor waterfall", "Ledger impact",
                  "Red lines", "emergency admissions per 1,000 aged 75+", "Beds"]:
        check(words.lower() in page.lower(), f"the results say {words!r}")
    check("It could not be run" not in page, "the scenario ran")
    status, document = api(base, "GET", f"/api/v1/scenarios/{scenario}", "ana")
    check(status == 200 and document["status"] == "done" and document["results"]["runs"] == 50,
          f"the API gives the run's results ({status})")

    # A second, long run, cancelled from its page while it is queued or running.
    long_run = submit_scenario(driver, base, dict(FRAILTY, name="East Kent frailty: long run", runs="10000"))
    cancelled = False
    for _ in range(20):
        try:
            driver.find_element(By.CSS_SELECTOR, f"form[action='/scenarios/{long_run}/cancel'] button").click()
            cancelled = True
            break
        except Exception:
            time.sleep(0.2)  # the page refreshes itself while the run goes on
    check(cancelled, "the running scenario offers a cancel button")
    check(shows(driver, "Cancelled: its run was stopped on request", seconds=20), "the scenario shows cancelled")
    audit(driver, f"/scenarios/{long_run}")
    status, document = api(base, "GET", f"/api/v1/scenarios/{long_run}", "ana")
    check(status == 200 and document["status"] == "cancelled", f"the API says cancelled ({status}, {document})")
    status, problem = api(base, "POST", f"/api/v1/scenarios/{long_run}/cancel", "ana")
    check(status == 409 and problem.get("status") == 409, f"cancelling twice is a 409 problem ({status})")
    driver.get(base + "/jobs")
    check(shows(driver, "cancelled", seconds=20), "the job shows cancelled")

    # The business case, drafted from the first scenario.
    driver.get(base + f"/scenarios/{scenario}")
    driver.find_element(By.LINK_TEXT, "Draft its business case").click()
    check(shows(driver, "Its definition, as submitted, is filled in below"), "the case form is filled from the scenario")
    audit(driver, f"/business-cases/new?scenario={scenario}")
    fill(driver, {
        "id": CASE, "title": "Home-first frailty care in East Kent",
        "strategic": "Too many frail older people in East Kent are admitted as emergencies who could be cared for at home.",
        "commercial": "KCHFT provides the home-first teams under the existing community services contract.",
        "management": "A programme board of KCHFT, EKHUFT and KCC; monthly reports to the ACP board.",
    })
    driver.find_element(By.CSS_SELECTOR, "form[action='/business-cases/new'] button[type=submit]").click()
    check(shows(driver, f"{CASE}: Home-first frailty care", seconds=240), "the business case is drafted")
    audit(driver, f"/business-cases/{CASE}")
    check("Green Book standard" in driver.page_source, "the case states its Green Book standard")
    sign_out(driver)

    # The board secretary tables a proposal on /decisions with the case attached.
    sign_in(driver, base, "bea")
    driver.get(base + "/decisions")
    driver.find_element(By.XPATH, "//summary[text()='Table a proposal']").click()
    fill(driver, {"proposal-id": PROPOSAL, "proposal-title": "Commission home-first frailty care in East Kent",
                  "proposal-type": "service-redesign", "proposal-sponsor": "kcc", "proposal-case": CASE})
    driver.find_element(By.ID, "proposal-exit").click()
    driver.find_element(By.CSS_SELECTOR, "form[action='/decisions'] button[type=submit]").click()
    check(shows(driver, f'id="{PROPOSAL}"'), "the proposal is tabled")
    driver.get(base + f"/business-cases/{CASE}")
    check(PROPOSAL in driver.page_source, "the case says what it is attached to")
    driver.get(base + "/decisions")
    audit(driver, "/decisions (the case attached)")
    check(f'href="/business-cases/{CASE}"' in driver.page_source, "the proposal links its business case")
    green_book = judgement(driver, base, "Green Book")
    check(green_book.startswith("Met") and CASE in green_book, f"the Green Book line is computed and met: {green_book!r}")
    section_151 = judgement(driver, base, "legal and balanced budget")
    check(section_151.startswith("Breached") and "no determination" in section_151,
          f"the Section 151 line waits for a determination: {section_151!r}")
    sign_out(driver)

    # KCC's Section 151 officer records the determination on the case's page.
    sign_in(driver, base, "kim")
    driver.get(base + f"/business-cases/{CASE}")
    driver.find_element(By.ID, "affordable").click()
    driver.find_element(By.ID, "reason").send_keys("Within the council's medium-term financial plan.")
    driver.find_element(By.CSS_SELECTOR, f"form[action='/business-cases/{CASE}/determination'] button").click()
    check(shows(driver, "Within the council's medium-term financial plan."), "the determination is recorded")
    audit(driver, f"/business-cases/{CASE} (determined)")
    sign_out(driver)
    section_151 = judgement(driver, base, "legal and balanced budget")
    computed = ("determined it affordable" in section_151 and section_151.startswith("Met")) or (
        section_151.startswith("Breached") and "not under the threshold" in section_151
        and "no determination" not in section_151)
    check(computed, f"the Section 151 line is computed from the determination and the numbers: {section_151!r}")
    check("kim" not in section_151 and "ana" not in driver.page_source.split("<main")[-1].split("</main>")[0].split(),
          "the public page names no account")
    driver.save_screenshot(os.path.join(shots, "journey-red-lines.png"))
    print(f"scenario journey: {green_book} | {section_151}", flush=True)


if __name__ == "__main__":
    main()
