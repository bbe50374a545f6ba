/// The Mustache templates for the HTML pages, kept in code so the binary carries them wherever it runs.
enum Templates {
    /// Every template by name.
    static let all: [String: String] = [
        "layout": layout, "home": home, "area": area, "partnership": partnership, "error": error,
        "areaTable": areaTable, "money": money, "ledger": ledger, "settlement": settlement, "pools": pools,
        "assurance": assurance, "assuranceArea": assuranceArea, "returns": returns,
        "decisions": decisions, "register": register, "risks": risks, "programme": programme, "signIn": signIn,
        "jobs": jobs,
    ]

    static let layout = """
        <!doctype html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} – Concordat</title>
        <link rel="stylesheet" href="/styles.css">
        </head>
        <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="site-header"><div class="wrap">
        <a class="brand" href="/">Concordat</a>
        <span class="system-name">{{systemName}}</span>
        <nav aria-label="Main"><ul>
        <li><a href="/">System map</a></li>
        <li><a href="/money">Money</a></li>
        <li><a href="/assurance">Assurance</a></li>
        <li><a href="/partnership">Partnership</a></li>
        <li><a href="/decisions">Decisions</a></li>
        <li><a href="/risks">Risks</a></li>
        <li><a href="/programme">Programme</a></li>
        <li><a href="/jobs">Jobs</a></li>
        <li><a href="/api/v1/system">API</a></li>
        </ul></nav>
        <div class="account">{{#signedIn}}Signed in as {{userLabel}} <form method="post" action="/sign-out" class="inline">\
        <input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="link">Sign out</button></form>{{/signedIn}}\
        {{^signedIn}}<a href="/sign-in">Sign in</a>{{/signedIn}}</div>
        </div></header>
        <main id="main" class="wrap">
        {{#hasBreadcrumb}}<nav aria-label="Breadcrumb" class="breadcrumb"><ol>{{#breadcrumb}}<li>{{#href}}<a href="{{href}}">{{name}}</a>{{/href}}{{^href}}<span aria-current="page">{{name}}</span>{{/href}}</li>{{/breadcrumb}}</ol></nav>{{/hasBreadcrumb}}
        {{{content}}}
        </main>
        <footer class="site-footer"><div class="wrap">
        <p>Population data: NHS Digital and NHS England publications, Open Government Licence v3.0.
        Concordat is open software for integrated care systems.</p>
        </div></footer>
        </body>
        </html>
        """

    /// A table of the areas in `children` (the rows of a place or a PCN), shared by the home and area pages.
    static let areaTable = """
        <table class="data">
        <caption class="visually-hidden">What {{name}} contains</caption>
        <thead><tr><th scope="col"{{#sortedByName}} aria-sort="ascending"{{/sortedByName}}>{{#sortable}}<a href="?sort=name#contents">Name</a>{{/sortable}}{{^sortable}}Name{{/sortable}}</th>\
        <th scope="col">Level</th><th scope="col" class="num"{{#sortedByPopulation}} aria-sort="descending"{{/sortedByPopulation}}>\
        {{#sortable}}<a href="?sort=population#contents">Registered</a>{{/sortable}}{{^sortable}}Registered{{/sortable}}</th>\
        <th scope="col">Contains</th><th scope="col">Design size</th></tr></thead>
        <tbody>
        {{#children}}<tr><td><a href="/areas/{{code}}">{{name}}</a></td><td>{{levelName}}</td>\
        <td class="num">{{population}}</td><td>{{contains}}</td><td>{{#outside}}<strong class="tag tag-warn">Outside</strong>\
        {{/outside}}{{^outside}}{{design}}{{/outside}}</td></tr>
        {{/children}}
        </tbody>
        </table>
        """

    static let home = """
        <h1>{{systemName}}</h1>
        <p class="lede">{{summary}}</p>
        {{#hasReconciliation}}<p class="notice {{reconciliationClass}}">{{reconciliation}}</p>{{/hasReconciliation}}
        <h2>System map</h2>
        <p>The system by {{placeLevelPlural}}. {{designSizeText}}</p>
        {{#hasDesignChart}}<figure class="chart wide">{{{designChart}}}
        <figcaption>Registered population of each neighbourhood, July 2026, against the design size. The tables below give the same figures.</figcaption></figure>{{/hasDesignChart}}
        {{#places}}
        <section class="place" aria-labelledby="place-{{code}}">
        <h3 id="place-{{code}}"><a href="/areas/{{code}}">{{name}}</a></h3>
        <p class="meta">{{facts}}</p>
        {{#hasChildren}}
        {{> areaTable}}
        {{/hasChildren}}
        </section>
        {{/places}}
        {{#hasOutside}}
        <h2>Outside the design size</h2>
        <p>{{outsideSummary}}</p>
        <ul>{{#outsideList}}<li><a href="/areas/{{code}}">{{name}}</a>: {{population}}</li>{{/outsideList}}</ul>
        {{/hasOutside}}
        <h2>Integrated dataset</h2>
        <p>{{datasetText}}</p>
        {{#hasDataset}}<p class="notice {{datasetClass}}">{{datasetMatchText}}</p>{{/hasDataset}}
        {{#hasModel}}<h2>Admission risk model</h2>
        <p>{{modelText}}</p>
        <table class="data"><caption>Calibration on the held-out people: predicted against observed, by tenth of predicted risk</caption>
        <thead><tr><th scope="col">Tenth</th><th scope="col" class="num">People</th><th scope="col" class="num">Predicted</th>\
        <th scope="col" class="num">Observed</th></tr></thead>
        <tbody>{{#calibration}}<tr><th scope="row">{{band}}</th><td class="num">{{people}}</td><td class="num">{{predicted}}</td>\
        <td class="num">{{observed}}</td></tr>{{/calibration}}</tbody></table>{{/hasModel}}
        <h2>Data quality</h2>
        {{#hasNotes}}<p>{{noteCount}} findings from joining the published files. Nothing was dropped silently.</p>
        <ul class="notes">{{#notes}}<li><span class="tag">{{kind}}</span> {{message}}</li>{{/notes}}</ul>{{/hasNotes}}
        {{^hasNotes}}<p>No findings.</p>{{/hasNotes}}
        {{#hasSources}}<h2>Sources</h2>
        <ul>{{#sources}}<li><code>{{file}}</code>: {{publication}} ({{rows}} rows)</li>{{/sources}}</ul>{{/hasSources}}
        """

    static let area = """
        <h1>{{name}}</h1>
        <p class="meta">{{levelName}} · code {{code}}{{#hasPostcode}} · {{postcode}}{{/hasPostcode}}{{#hasDistrict}} · {{district}} district{{/hasDistrict}}</p>
        <nav aria-label="{{name}}" class="tabs"><ul>{{#tabs}}<li><a href="{{href}}">{{label}}</a></li>{{/tabs}}</ul></nav>
        {{#hasPopulation}}
        <div class="stats" id="population">
        <dl><dt>Registered</dt><dd>{{total}}</dd></dl>
        {{#hasBands}}<dl><dt>Female</dt><dd>{{female}}</dd></dl>
        <dl><dt>Male</dt><dd>{{male}}</dd></dl>
        <dl><dt>Aged 65 and over</dt><dd>{{over65}}</dd></dl>{{/hasBands}}
        {{#hasDataset}}<dl><dt>In the integrated dataset</dt><dd>{{datasetPeople}}</dd></dl>{{/hasDataset}}
        </div>
        {{#hasDesign}}<p class="notice {{designClass}}">{{designText}}</p>{{/hasDesign}}
        {{#hasUnbanded}}<p class="notice" id="bands-absent">{{bandsNotice}}</p>{{/hasUnbanded}}
        {{#hasBands}}<figure class="chart">
        {{{pyramid}}}
        <figcaption>Registered population of {{name}} by sex and five-year age band, July 2026.</figcaption>
        </figure>
        <details><summary>Show the pyramid as a table</summary>
        <table class="data"><caption>Registered population of {{name}} by age band and sex</caption>
        <thead><tr><th scope="col">Age band</th><th scope="col" class="num">Male</th><th scope="col" class="num">Female</th><th scope="col" class="num">Total</th></tr></thead>
        <tbody>{{#bands}}<tr><th scope="row">{{band}}</th><td class="num">{{male}}</td><td class="num">{{female}}</td><td class="num">{{total}}</td></tr>{{/bands}}</tbody>
        </table></details>{{/hasBands}}
        {{/hasPopulation}}
        {{^hasPopulation}}<p class="notice">No registered population has been loaded for this area.</p>{{/hasPopulation}}
        {{#hasNeeds}}
        <h2 id="needs">Population needs</h2>
        <p>{{needsSummary}}</p>
        <figure class="chart">{{{segmentChart}}}<figcaption>People by Bridges to Health segment (Lynn 2007), from the integrated dataset.</figcaption></figure>
        <figure class="chart">{{{costChart}}}<figcaption>Cost of care per head by setting over the year.</figcaption></figure>
        {{#hasNotableConditions}}<h3>Conditions that differ from the system beyond chance</h3>
        <ul class="notes">{{#notableConditions}}<li><span class="tag">{{kind}}</span> {{message}}</li>{{/notableConditions}}</ul>{{/hasNotableConditions}}
        {{#hasDistribution}}<figure class="chart">{{{distributionChart}}}<figcaption>People by Charlson comorbidity score \
        (Quan 2011 weights).</figcaption></figure>{{/hasDistribution}}
        <figure class="chart">{{{frailtyChart}}}<figcaption>People by frailty category: the Hospital Frailty Risk Score \
        (Gilbert 2018) and, where its deficit lists are configured, the electronic Frailty Index (Clegg 2016).</figcaption></figure>
        {{#hasFunnel}}<figure class="chart wide">{{{funnel}}}<figcaption>Each dot is one area within {{name}}: the share of its people \
        with an emergency admission in the year, against its size. Inner lines: 95% limits around the system value; outer: 99.8%. \
        Dots outside the outer lines differ by more than chance would explain (Spiegelhalter 2005).</figcaption></figure>{{/hasFunnel}}
        <p><a href="/api/v1/areas/{{code}}/needs">The full profile as JSON</a></p>
        {{/hasNeeds}}
        {{#hasChildren}}
        <h2 id="contents">{{childrenHeading}}</h2>
        {{> areaTable}}
        <p><a href="/areas/{{code}}/children.csv">Download this table as CSV</a></p>
        {{/hasChildren}}
        {{#hasNotes}}<h2>Data quality</h2><ul class="notes">{{#notes}}<li>{{message}}</li>{{/notes}}</ul>{{/hasNotes}}
        """

    static let money = """
        <h1>Money</h1>
        <p class="lede">{{controlTotal}} split by {{basisName}}, to the penny at every level.</p>
        <form method="get" action="/money"><label for="controlTotal">Control total</label>
        <input id="controlTotal" name="controlTotal" value="{{controlTotalInput}}">
        <label for="basis">Basis</label><select id="basis" name="basis">{{#bases}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/bases}}</select>
        <button type="submit">Allocate</button></form>
        <p><a href="/money/ledger">Ledger: budget, actual and forecast</a> · <a href="/money/settlement">Risk and gain share</a> · \
        <a href="/money/pools">Pools and ring-fences</a></p>
        <figure class="chart">{{{chart}}}<figcaption>Capitated budgets by place.</figcaption></figure>
        <h2>Places against their targets</h2>
        <table class="data"><caption>Need index and distance from target by place</caption>
        <thead><tr><th scope="col">Place</th><th scope="col" class="num">Need index</th><th scope="col" class="num">Target (capitated budget)</th>\
        <th scope="col" class="num">Current spend, scaled</th><th scope="col" class="num">Distance from target</th></tr></thead>
        <tbody>{{#places}}<tr><td><a href="/areas/{{code}}">{{name}}</a></td><td class="num">{{needIndex}}</td><td class="num">{{target}}</td>\
        <td class="num">{{current}}</td><td class="num">{{distance}}</td></tr>{{/places}}</tbody></table>
        {{#hasDistance}}<p class="meta">Current spend is the dataset's year of spend in each place, scaled to the control total; \
        distance from target = (current − target) ÷ target. Need index = (weighted ÷ registered population) ÷ the system's ratio.</p>{{/hasDistance}}
        {{#hasNetworks}}<h2>Budgets by care network</h2>
        <table class="data"><caption>Each place's budget by care network (each place's own spend mix); rows and columns both add up to the control total</caption>
        <thead><tr><th scope="col">Place</th>{{#networkNames}}<th scope="col" class="num">{{.}}</th>{{/networkNames}}<th scope="col" class="num">Total</th></tr></thead>
        <tbody>{{#networkRows}}<tr><th scope="row">{{name}}</th>{{#cells}}<td class="num">{{.}}</td>{{/cells}}<td class="num">{{total}}</td></tr>{{/networkRows}}
        <tr><th scope="row">All places</th>{{#networkTotals}}<td class="num">{{.}}</td>{{/networkTotals}}<td class="num">{{networkTotal}}</td></tr></tbody></table>{{/hasNetworks}}
        <h2>Every place and neighbourhood</h2>
        <table class="data"><caption>Budgets by place and neighbourhood</caption>
        <thead><tr><th scope="col">Area</th><th scope="col">Level</th><th scope="col" class="num">Weighted population</th>\
        <th scope="col" class="num">Need index</th><th scope="col" class="num">Budget</th></tr></thead>
        <tbody>{{#rows}}<tr id="budget-{{code}}"><td><a href="/areas/{{code}}">{{name}}</a></td><td>{{level}}</td><td class="num">{{weighted}}</td>\
        <td class="num">{{needIndex}}</td><td class="num">{{budget}}</td></tr>{{/rows}}</tbody></table>
        {{#hasNeedIndices}}<h2>NHS England's place-based need indices</h2>
        <table class="data"><caption>The nine indices of NHS England's ICB place based allocation tool, by place and neighbourhood</caption>
        <thead><tr><th scope="col">Area</th><th scope="col" class="num">G&amp;A</th><th scope="col" class="num">Community</th>        <th scope="col" class="num">Mental health</th><th scope="col" class="num">Maternity</th><th scope="col" class="num">Prescribing</th>        <th scope="col" class="num">Overall</th><th scope="col" class="num">Primary medical care</th>        <th scope="col" class="num">Primary medical care need</th><th scope="col" class="num">Health inequalities</th></tr></thead>
        <tbody>{{#needRows}}<tr><th scope="row">{{name}}</th>{{#values}}<td class="num">{{.}}</td>{{/values}}</tr>{{/needRows}}</tbody></table>
        <p class="meta">Each index is (the area's weighted population ÷ its Population) ÷ (the ICB's ÷ the ICB's), per component, \
        the ICB being every practice of it in NHS England's 2025/26 file, including practices that have since closed or merged; \
        rounded half-up to 2 dp as the tool shows them. The budgets above differ in their baseline: they split the control \
        total among the practices open now, so their need index compares an area with today's practices only, and an \
        allocation cannot pay a closed practice.</p>{{/hasNeedIndices}}
        <p>Practices, and every step for one area: <code>concordat allocate --explain CODE</code>, or \
        <a href="/api/v1/allocation?controlTotal={{controlTotalInput}}&amp;by=network">the allocation as JSON</a>, or \
        <a href="/money/allocation.csv?controlTotal={{controlTotalInput}}">download every budget as CSV</a>.</p>
        """

    static let ledger = """
        <h1>Ledger</h1>
        <p class="lede">Control total {{controlTotal}}. Forecast outturn ({{forecastName}}) {{outturn}}: \
        {{#overspend}}a forecast overspend of {{variance}}{{/overspend}}{{^overspend}}a forecast variance of {{variance}}{{/overspend}}.</p>
        <form method="get" action="/money/ledger"><input type="hidden" name="by" value="{{grouping}}">
        <label for="controlTotal">Control total</label><input id="controlTotal" name="controlTotal" value="{{controlTotalInput}}">
        <label for="months">Months of actuals (0–12)</label><input id="months" name="months" value="{{months}}">
        <label for="forecast">Forecast</label><select id="forecast" name="forecast">{{#forecasts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/forecasts}}</select>
        <button type="submit">Show</button></form>
        <figure class="chart">{{{chart}}}<figcaption>Cumulative spend against the budget; the forecast carries the year to date on by the seasonal profile.</figcaption></figure>
        <table class="data"><caption>The system by month</caption>
        <thead><tr><th scope="col">Month</th><th scope="col" class="num">Budget</th><th scope="col" class="num">Actual</th><th scope="col" class="num">Forecast</th></tr></thead>
        <tbody>{{#monthRows}}<tr><td>{{month}}</td><td class="num">{{budget}}</td><td class="num">{{actual}}</td><td class="num">{{forecast}}</td></tr>{{/monthRows}}</tbody></table>
        <h2>By {{grouping}}</h2>
        <p>Group by: {{#groupings}}{{#current}}<strong>{{label}}</strong>{{/current}}{{^current}}<a href="{{href}}">{{label}}</a>{{/current}} {{/groupings}}</p>
        <table class="data"><caption>Budget, actual to date and forecast outturn; variance is actual − budget (positive is an overspend)</caption>
        <thead><tr><th scope="col">Name</th><th scope="col" class="num">Annual budget</th><th scope="col" class="num">Budget to date</th>\
        <th scope="col" class="num">Actual to date</th><th scope="col" class="num">Variance to date</th><th scope="col" class="num">Forecast outturn</th>\
        <th scope="col" class="num">Forecast variance</th></tr></thead>
        <tbody>{{#rows}}<tr><th scope="row">{{name}}</th><td class="num">{{annual}}</td><td class="num">{{budgetToDate}}</td><td class="num">{{actualToDate}}</td>\
        <td class="num">{{variance}}</td><td class="num">{{outturn}}</td><td class="num">{{forecastVariance}}{{#over}} <span class="tag tag-warn">over</span>{{/over}}</td></tr>{{/rows}}</tbody></table>
        <p class="meta">Each place's capitated budget is shared across the partners that served its people, in proportion to what each was paid there. \
        The demo uses the synthetic year's spend as this year's actuals. JSON: <a href="/api/v1/ledger?by={{grouping}}">/api/v1/ledger</a>; \
        <a href="/money/ledger.csv?by={{grouping}}">download as CSV</a>.</p>
        """

    static let settlement = """
        <h1>Risk and gain share</h1>
        <p class="lede">{{agreement}}. The partners' forecast outturns ({{forecastName}}, {{months}} months of actuals) \
        against their budgets from a control total of {{controlTotal}}.</p>
        <figure class="chart">{{{chart}}}<figcaption>What each partner bears of the system variance; the bars add up to it exactly.</figcaption></figure>
        <table class="data"><caption>Settlement by partner</caption>
        <thead><tr><th scope="col">Partner</th><th scope="col" class="num">Budget</th><th scope="col" class="num">Outturn</th>\
        <th scope="col" class="num">Own variance</th><th scope="col" class="num">Retained (corridors)</th><th scope="col" class="num">Shared</th>\
        <th scope="col" class="num">Bears</th><th scope="col">Pays or receives</th></tr></thead>
        <tbody>{{#rows}}<tr><th scope="row">{{partner}}</th><td class="num">{{budget}}</td><td class="num">{{outturn}}</td><td class="num">{{variance}}</td>\
        <td class="num">{{retained}}</td><td class="num">{{shared}}</td><td class="num">{{borne}}</td><td>{{transfer}}</td></tr>{{/rows}}</tbody></table>
        <p>The system variance is <strong>{{variance}}</strong>; the partners bear <strong>{{borne}}</strong> between them.</p>
        <p class="meta">Any agreement (basis, corridors, caps, quality gate) and the US Medicare Shared Savings Program preset: \
        <code>concordat settle --agreement FILE.json</code>, <code>concordat settle --preset mssp</code>. JSON: <a href="/api/v1/settlement">/api/v1/settlement</a>.</p>
        """

    static let pools = """
        <h1>Pools and ring-fences</h1>
        <p class="lede">Money partners put into pooled and ring-fenced budgets, the rules on spending it, and where every pound went.</p>
        {{^hasPools}}<p class="notice">No pools yet. <code>concordat demo</code> sets up Kent &amp; Medway's; <code>concordat pool add FILE.json</code> adds one.</p>{{/hasPools}}
        {{#pools}}<h2 id="{{code}}">{{name}}</h2>
        <div class="stats"><dl><dt>Kind</dt><dd>{{kind}}</dd></dl><dl><dt>Host</dt><dd>{{host}}</dd></dl><dl><dt>In</dt><dd>{{total}}</dd></dl>\
        <dl><dt>Spent</dt><dd>{{spent}}</dd></dl><dl><dt>Left</dt><dd>{{balance}}</dd></dl><dl><dt>Payments</dt><dd>{{payments}}</dd></dl></div>
        <ul class="notes">{{#fences}}<li><strong>{{name}}</strong>: {{rule}}</li>{{/fences}}</ul>
        <table class="data"><caption>{{name}}: each contribution from source to spend</caption>
        <thead><tr><th scope="col">From</th><th scope="col" class="num">Put in</th><th scope="col" class="num">Spent</th><th scope="col" class="num">Left</th></tr></thead>
        <tbody>{{#trace}}<tr><th scope="row">{{partner}}</th><td class="num">{{contributed}}</td><td class="num">{{spent}}</td><td class="num">{{remaining}}</td></tr>{{/trace}}</tbody></table>
        {{/pools}}
        <p class="meta">Payments that break a ring-fence are refused with the rule named: <code>POST /api/v1/pools/CODE/payments</code> \
        or <code>concordat pool pay</code>.</p>
        """

    static let assurance = """
        <h1>Assurance</h1>
        <p class="lede">The system's indicators, charted the NHS Making Data Count way: the latest value, the target in force, \
        whether the latest point shows special cause variation, and whether the process will meet its target.</p>
        <p>By place: {{#places}}<a href="/assurance/{{code}}">{{name}}</a> · {{/places}}<a href="/assurance/{{systemCode}}">the whole system</a> · \
        <a href="/assurance/returns">returns and escalations</a></p>
        {{#hasEscalations}}<div class="notice bad"><h2>Open escalations</h2><ul class="notes">{{#escalations}}<li><strong>{{area}}, {{month}}</strong> \
        ({{reason}}): {{detail}}</li>{{/escalations}}</ul></div>{{/hasEscalations}}
        {{#hasRows}}<table class="data"><caption>Latest value, variation and assurance by indicator; places side by side</caption>
        <thead><tr><th scope="col">Indicator</th><th scope="col">Target</th><th scope="col">System</th>{{#places}}<th scope="col">{{name}}</th>{{/places}}</tr></thead>
        <tbody>{{#rows}}<tr><th scope="row">{{name}}</th><td title="{{targetLabel}}">{{target}}</td><td>{{system.value}}<br>{{{system.icons}}}</td>\
        {{#places}}<td>{{value}}<br>{{{icons}}}</td>{{/places}}</tr>{{/rows}}</tbody></table>{{/hasRows}}
        {{^hasRows}}<p class="notice">No indicator values yet: <code>concordat indicators import FILE.csv</code> loads them, and a loaded dataset gives some.</p>{{/hasRows}}
        <p class="meta">Icons: variation of the latest point (H high, L low; blue improvement, orange concern, grey common cause) and \
        assurance against the target (P consistently passing, F consistently failing, ? hit and miss). Limits and icons need 13 points. \
        The demo's national-collection indicators are synthetic series; import the published ones for real use. \
        <a href="/assurance/values.csv">Download every value as CSV</a>.</p>
        """

    static let assuranceArea = """
        <h1>Assurance: {{name}}</h1>
        {{^hasSeries}}<p class="notice">No indicator values for {{name}} yet.</p>{{/hasSeries}}
        {{#indicators}}<h2 id="{{code}}">{{name}}</h2>
        <p>{{cell.value}} {{{cell.icons}}} Target: {{target}}. <span class="meta">Source: {{source}}.</span></p>
        <figure class="chart">{{{chart}}}<figcaption>{{name}}: values by month with the mean, process limits (dashed) and target (red).</figcaption></figure>
        <details><summary>The values as a table</summary><table class="data"><caption>{{name}} by month</caption>
        <thead><tr><th scope="col">Month</th><th scope="col" class="num">Value</th><th scope="col">Variation</th><th scope="col">Rule</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{month}}</td><td class="num">{{value}}</td><td>{{type}}</td><td>{{rule}}</td></tr>{{/rows}}</tbody></table></details>
        {{/indicators}}
        <p>Each chart as JSON: <code>GET /api/v1/indicators/CODE/areas/{{code}}/spc</code>.</p>
        """

    static let returns = """
        <h1>Assurance returns</h1>
        <p class="lede">Each place's monthly return to the system commissioner, and the exceptions that were escalated.</p>
        {{#canSubmit}}<details><summary>Submit a return</summary>
        <form method="post" action="/assurance/returns"><input type="hidden" name="csrf" value="{{csrf}}">
        <p><label for="place">Place</label><select id="place" name="place">{{#places}}<option value="{{code}}">{{name}}</option>{{/places}}</select></p>
        <p><label for="month">Month (YYYY-MM)</label><input id="month" name="month" inputmode="numeric"></p>
        {{#formIndicators}}<p><label for="value-{{code}}">{{name}} {{unit}}</label><input id="value-{{code}}" name="value-{{code}}" inputmode="decimal"></p>{{/formIndicators}}
        <p><label for="narrative">What the values mean</label><textarea id="narrative" name="narrative" rows="3" cols="60"></textarea></p>
        <p><label for="actions">What you are doing about them</label><textarea id="actions" name="actions" rows="3" cols="60"></textarea></p>
        <p><button type="submit">Submit the return</button></p></form></details>{{/canSubmit}}
        {{#hasReturns}}<table class="data"><caption>Returns, newest first</caption>
        <thead><tr><th scope="col">Place</th><th scope="col">Month</th><th scope="col">Status</th><th scope="col">By</th><th scope="col">Narrative</th>\
        <th scope="col">Actions</th><th scope="col">Review</th></tr></thead>
        <tbody>{{#returns}}<tr><th scope="row">{{place}}</th><td>{{month}}</td><td>{{status}}</td><td>{{submittedBy}}</td><td>{{narrative}}</td>\
        <td>{{actions}}</td><td>{{review}}</td></tr>{{/returns}}</tbody></table>{{/hasReturns}}
        {{^hasReturns}}<p class="notice">No returns yet. A place submits one with <code>POST /api/v1/returns</code> or \
        <code>concordat return submit</code>; the commissioner reviews it with <code>POST /api/v1/returns/ID/review</code>.</p>{{/hasReturns}}
        <h2>Escalations</h2>
        {{#hasEscalations}}<table class="data"><caption>Exceptions raised to the system commissioner</caption>
        <thead><tr><th scope="col">Area</th><th scope="col">Month</th><th scope="col">Why</th><th scope="col">Detail</th><th scope="col">Status</th></tr></thead>
        <tbody>{{#escalations}}<tr><th scope="row">{{area}}</th><td>{{month}}</td><td>{{reason}}</td><td>{{detail}}</td><td>{{status}}</td></tr>{{/escalations}}</tbody></table>{{/hasEscalations}}
        {{^hasEscalations}}<p>None.</p>{{/hasEscalations}}
        """

    static let decisions = """
        <h1>Decisions</h1>
        {{#hasMemorandum}}<p class="lede">{{memorandum}}</p>{{/hasMemorandum}}
        {{^hasMemorandum}}<p class="notice">The partnership has not adopted a memorandum of understanding yet.</p>{{/hasMemorandum}}
        {{#decisions}}<h2 id="{{id}}">{{title}}</h2>
        <p><span class="tag">{{status}}</span> {{type}} · tabled {{tabled}} · {{id}}</p>
        {{#hasRedLines}}<div class="notice bad"><p>Red lines breached:</p><ul>{{#redLines}}<li>{{.}}</li>{{/redLines}}</ul></div>{{/hasRedLines}}
        {{#hasArithmetic}}<ol class="notes">{{#arithmetic}}<li>{{.}}</li>{{/arithmetic}}</ol>{{/hasArithmetic}}
        {{ballotsCast}}
        {{#canCast}}<form method="post" action="/decisions/{{id}}/ballot"><input type="hidden" name="csrf" value="{{csrf}}">
        <fieldset><legend>Vote for {{castFor}}</legend>
        <p><input type="radio" id="{{id}}-yes" name="choice" value="yes"> <label for="{{id}}-yes" class="inline">For</label>
        <input type="radio" id="{{id}}-no" name="choice" value="no"> <label for="{{id}}-no" class="inline">Against</label>
        <input type="radio" id="{{id}}-abstain" name="choice" value="abstain"> <label for="{{id}}-abstain" class="inline">Abstain</label></p>
        </fieldset><button type="submit">Cast the vote</button></form>{{/canCast}}
        {{#canClose}}<form method="post" action="/decisions/{{id}}/close"><input type="hidden" name="csrf" value="{{csrf}}">\
        <button type="submit">Close the vote and count it</button></form>{{/canClose}}
        {{#hasRatifications}}<h3>Ratifications</h3><ul class="notes">{{#ratifications}}<li>{{.}}</li>{{/ratifications}}</ul>{{/hasRatifications}}
        {{#hasOutstanding}}<h3>Still to ratify</h3><ul class="notes">{{#outstanding}}<li>{{.}}</li>{{/outstanding}}</ul>{{/hasOutstanding}}
        {{/decisions}}
        {{^hasDecisions}}<p>No decisions yet.</p>{{/hasDecisions}}
        {{#pager}}{{#isPaged}}<nav class="pager" aria-label="Pages of decisions"><p>Decisions {{summary}}.
        {{#hasNewer}}<a href="{{newerHref}}" rel="prev">Newer decisions</a>{{/hasNewer}}
        {{#hasOlder}}<a href="{{olderHref}}" rel="next">Older decisions</a>{{/hasOlder}}</p></nav>{{/isPaged}}{{/pager}}
        <p><a href="/decisions/register">The decision register</a> (tamper-evident) · JSON: <a href="/api/v1/decisions">/api/v1/decisions</a></p>
        """

    static let register = """
        <h1>Decision register</h1>
        <p class="notice {{#verified}}ok{{/verified}}{{^verified}}bad{{/verified}}">{{verdict}}</p>
        <p>Register head: <strong>{{headCount}}</strong> entries, last hash <code id="register-head">{{headHash}}</code>. \
        Keep a copy: if entries were ever removed from the end, this hash would no longer be the register's.</p>
        <table class="data"><caption>Every proposal, vote, ratification and override, newest first</caption>
        <thead><tr><th scope="col">#</th><th scope="col">Recorded</th><th scope="col">Kind</th><th scope="col">Subject</th>\
        <th scope="col">Detail</th><th scope="col">Hash</th></tr></thead>
        <tbody>{{#entries}}<tr><td>{{sequence}}</td><td>{{recordedAt}}</td><td>{{kind}}</td><td>{{subject}}</td><td>{{detail}}</td>\
        <td><code>{{hash}}</code></td></tr>{{/entries}}</tbody></table>
        <p>Check it yourself: <code>concordat audit verify</code>, or <a href="/api/v1/register">/api/v1/register</a>.</p>
        """

    static let risks = """
        <h1>Risks and issues</h1>
        <p class="lede">The partnership's risk and issues register, scored on the NPSA 5 × 5 matrix and reviewed monthly. \
        Extreme risks are escalated a level: from a neighbourhood to its place, from a place to the system commissioner.</p>
        <figure class="chart">{{{heatMap}}}<figcaption>Risks by current likelihood and consequence.</figcaption></figure>
        {{#hasRisks}}<table class="data"><caption>The register, highest current score first</caption>
        <thead><tr><th scope="col">Risk</th><th scope="col">Owner</th><th scope="col">Area</th><th scope="col" class="num">Inherent</th>\
        <th scope="col">Current</th><th scope="col" class="num">Target</th><th scope="col">Last review</th><th scope="col">Escalated to</th></tr></thead>
        <tbody>{{#risks}}<tr><th scope="row">{{id}}: {{title}}<br><span class="meta">Controls: {{controls}}. Actions: {{actions}}.</span></th>\
        <td>{{owner}}</td><td>{{area}}</td><td class="num">{{inherent}}</td><td>{{current}}</td><td class="num">{{target}}</td>\
        <td>{{lastReviewed}}{{#overdue}} <span class="tag tag-warn">review overdue</span>{{/overdue}}</td><td>{{escalateTo}}</td></tr>{{/risks}}</tbody></table>{{/hasRisks}}
        {{^hasRisks}}<p>No risks recorded yet: <code>POST /api/v1/risks</code>.</p>{{/hasRisks}}
        <h2>Issues escalated from assurance</h2>
        {{#hasIssues}}<ul class="notes">{{#issues}}<li><strong>{{area}}, {{month}}</strong>: {{detail}}</li>{{/issues}}</ul>{{/hasIssues}}
        {{^hasIssues}}<p>None open.</p>{{/hasIssues}}
        """

    static let programme = """
        <h1>Work programme</h1>
        {{^hasProgramme}}<p class="notice">No work programme is kept yet.</p>{{/hasProgramme}}
        {{#hasProgramme}}<figure class="chart wide">{{{gantt}}}<figcaption>Phases, workstreams and milestones (blue done, grey to do, orange late).</figcaption></figure>
        <h2>What is late</h2>
        <table class="data"><caption>Milestones past their due date and not done</caption>
        <thead><tr><th scope="col">Milestone</th><th scope="col">Workstream</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>
        <tbody>{{#late}}<tr><th scope="row">{{title}}</th><td>{{workstream}}</td><td>{{owner}}</td><td>{{due}}</td><td>{{status}}</td></tr>{{/late}}</tbody></table>
        <h2>Gateways</h2>
        <ul class="notes">{{#gateways}}<li>{{id}} into {{into}}: {{passed}}</li>{{/gateways}}</ul>
        <p class="meta">A gateway is passed only by a ratified gateway decision: <code>POST /api/v1/programme/gateways/ID/pass</code>.</p>{{/hasProgramme}}
        """

    static let signIn = """
        <h1>Sign in</h1>
        {{#hasError}}<div class="error-summary" role="alert"><h2>There is a problem</h2><p>{{error}}</p></div>{{/hasError}}
        <form method="post" action="/sign-in">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p><label for="username">Username</label><input id="username" name="username" autocomplete="username" value="{{username}}"></p>
        <p><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password"></p>
        <p><button type="submit">Sign in</button></p>
        </form>
        <p class="meta">The public pages (the system, assurance, decisions) need no sign-in. Accounts are made by an administrator: \
        <code>concordat user add</code>.</p>
        """

    static let jobs = """
        <h1>Jobs</h1>
        {{#running}}<meta http-equiv="refresh" content="2">{{/running}}
        <p class="lede">Long work runs in the background; this page follows it{{#running}} and refreshes itself every two seconds{{/running}}.</p>
        {{#canStart}}<form method="post" action="/jobs"><input type="hidden" name="csrf" value="{{csrf}}">\
        <button type="submit">Re-run the population health engine</button></form>{{/canStart}}
        {{#hasJobs}}<table class="data"><caption>Jobs, newest first</caption>
        <thead><tr><th scope="col">Job</th><th scope="col">Started by</th><th scope="col">Progress</th><th scope="col">Status</th><th scope="col">Result</th><th scope="col"></th></tr></thead>
        <tbody>{{#jobs}}<tr><th scope="row">{{id}}: {{kind}}</th><td>{{startedBy}}</td>\
        <td><progress max="100" value="{{percent}}" aria-label="Job {{id}} progress">{{percent}}%</progress> {{percent}}% — {{stage}}</td>\
        <td>{{status}}</td><td>{{result}}</td><td>{{#cancellable}}<form method="post" action="/jobs/{{id}}/cancel">\
        <input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Cancel</button></form>{{/cancellable}}</td></tr>{{/jobs}}</tbody></table>{{/hasJobs}}
        {{^hasJobs}}<p>No jobs have run since the server started.</p>{{/hasJobs}}
        """

    static let partnership = """
        <h1>The partnership</h1>
        <p class="lede">{{summary}}</p>
        <table class="data">
        <caption class="visually-hidden">Organisations in the partnership</caption>
        <thead><tr><th scope="col">Organisation</th><th scope="col">Role</th><th scope="col">Signatory</th><th scope="col">Membership</th><th scope="col">Source</th></tr></thead>
        <tbody>
        {{#organisations}}<tr><td>{{name}}</td><td>{{role}}</td><td>{{signatory}}</td><td>{{membership}}</td><td>{{source}}</td></tr>
        {{/organisations}}
        </tbody>
        </table>
        <p>Organisations can be added and edited through the API: <code>POST /api/v1/organisations</code> and <code>PATCH /api/v1/organisations/{code}</code>.</p>
        """

    static let error = """
        <h1>{{title}}</h1>
        <p>{{detail}}</p>
        <p><a href="/">Go to the system map</a></p>
        """

    /// The stylesheet: NHS-style colours, clear type, high contrast, large targets; no JavaScript.
    static let stylesheet = """
        :root{--blue:#005eb8;--dark:#003087;--text:#212b32;--grey:#4c6272;--pale:#f0f4f5;--warn:#ffb81c;--red:#d5281b;--green:#007f3b;--border:#d8dde0}
        *{box-sizing:border-box}
        body{margin:0;font-family:Arial,"Helvetica Neue",sans-serif;font-size:1.1875rem;line-height:1.5;color:var(--text);background:var(--pale)}
        .wrap{max-width:1100px;margin:0 auto;padding:0 16px}
        a{color:var(--blue)}a:visited{color:#330072}a:hover{color:#7c2855}
        a:focus{outline:4px solid transparent;background:var(--warn);color:var(--text);box-shadow:0 -2px var(--warn),0 4px var(--text);text-decoration:none}
        .skip-link{position:absolute;left:-9999px}.skip-link:focus{left:16px;top:8px;padding:8px}
        .site-header{background:var(--blue);color:#fff;padding:12px 0}
        .site-header .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:16px}
        .site-header a{color:#fff}.brand{font-weight:700;font-size:1.5rem;text-decoration:none}
        .system-name{opacity:.9}
        .site-header nav ul{display:flex;gap:16px;list-style:none;margin:0;padding:0}
        .site-header nav a{display:inline-block;padding:8px 4px;min-height:44px}
        form label{display:block;font-weight:700}form input{font-size:1.1rem;padding:8px;border:2px solid #212b32;min-height:44px}
        form select{font-size:1.1rem;padding:8px;border:2px solid #212b32;min-height:44px}
        form button{font-size:1.1rem;padding:8px 16px;background:#007f3b;color:#fff;border:0;min-height:44px;cursor:pointer}
        main{background:#fff;padding:24px 16px 40px;margin-top:0}
        h1{font-size:2.25rem;line-height:1.2;margin:0 0 16px}h2{font-size:1.6rem;margin:32px 0 12px}h3{font-size:1.3rem;margin:24px 0 8px}
        .lede{font-size:1.35rem}.meta{color:var(--grey)}
        .breadcrumb ol{list-style:none;padding:0;margin:0 0 16px;display:flex;flex-wrap:wrap}
        .breadcrumb li+li:before{content:"›";padding:0 8px;color:var(--grey)}
        .notice{border-left:8px solid var(--blue);background:var(--pale);padding:12px 16px}
        .notice.ok{border-color:var(--green)}.notice.warn{border-color:var(--warn)}.notice.bad{border-color:var(--red)}
        table.data{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:1rem}
        table.data th,table.data td{border-bottom:1px solid var(--border);padding:8px;text-align:left;vertical-align:top}
        table.data .num{text-align:right;font-variant-numeric:tabular-nums}
        .tag{display:inline-block;border:2px solid var(--grey);padding:0 6px;font-size:.85rem;font-weight:700}
        .tag-warn{border-color:#8a5a00;background:#fff4d6;color:#5c3d00}
        .stats{display:flex;flex-wrap:wrap;gap:16px;margin:0 0 16px}
        .stats dl{background:var(--pale);padding:12px 16px;min-width:160px;margin:0}.stats dt{color:var(--grey)}.stats dd{margin:0;font-size:1.6rem;font-weight:700}
        figure.chart{margin:16px 0;max-width:720px}
        svg.chart .male{fill:#005eb8}svg.chart .female{fill:#ae2573}
        figure.chart.wide{max-width:100%}
        svg.chart .band{fill:#e8f1f8}svg.chart .within{fill:#005eb8}svg.chart .outside{fill:#ffb81c;stroke:#8a5a00}
        svg.chart .group{font-size:14px;font-weight:700;fill:#212b32}svg.chart .axis{stroke:#4c6272}
        svg.chart a text{fill:#005eb8;text-decoration:underline}
        svg.chart .target{stroke:#212b32;stroke-width:1.5}svg.chart .limit95{fill:none;stroke:#4c6272;stroke-dasharray:4 3}
        svg.chart .limit998{fill:none;stroke:#4c6272}svg.chart circle.within{fill:#005eb8}
        svg.chart circle.outside{fill:#ffb81c;stroke:#8a5a00;stroke-width:2}
        svg.chart .tick{font-size:11px;fill:#212b32}svg.chart .label{font-size:13px;fill:#212b32;font-weight:700}
        svg.chart .grid{stroke:#d8dde0}svg.chart .series{fill:none;stroke-width:3}
        svg.chart .series.budget{stroke:#4c6272;stroke-dasharray:6 4}svg.chart .series.actual{stroke:#005eb8}
        svg.chart .series.forecast{stroke:#d5281b;stroke-dasharray:3 3}
        svg.chart .cost{fill:#d5281b}svg.chart .gain{fill:#007f3b}svg.chart .total{fill:#003087}
        svg .common-cause{fill:#a6b1b9}svg .special-cause-improvement{fill:#005eb8}svg .special-cause-concern{fill:#ed8b00}
        svg .special-cause-neutral{fill:#7c2855}svg.chart .spc-line{fill:none;stroke:#768692;stroke-width:1.5}
        svg.chart .spc-mean{stroke:#212b32}svg.chart .spc-limit{stroke:#4c6272;stroke-dasharray:5 4}
        svg.chart .spc-target{stroke:#d5281b;stroke-dasharray:2 3;stroke-width:2}
        svg.icon .icon-letter{fill:#fff;font-size:15px;font-weight:700}svg.icon{vertical-align:middle}
        svg .band-low{fill:#78be20}svg .band-moderate{fill:#ffeb3b}svg .band-high{fill:#ffb81c}svg .band-extreme{fill:#d5281b}
        svg .phase-0{fill:#e8f1f8}svg .phase-1{fill:#d2e3f1}svg .milestone-done{fill:#005eb8}svg .milestone-todo{fill:#a6b1b9}
        svg .milestone-late{fill:#ed8b00;stroke:#7a4500}svg .today{stroke:#d5281b;stroke-width:2}
        .account{margin-left:auto}.account form.inline{display:inline}
        .account button.link{background:none;border:0;color:#fff;text-decoration:underline;font-size:1rem;min-height:44px;padding:0 4px;cursor:pointer}
        .error-summary{border:4px solid var(--red);padding:12px 16px;margin-bottom:16px}
        fieldset{border:0;padding:0;margin:0 0 16px}legend{font-weight:700}label.inline{display:inline;font-weight:400;margin-right:16px}
        input[type=radio]{width:24px;height:24px;vertical-align:middle}
        .tabs ul{display:flex;flex-wrap:wrap;gap:4px;list-style:none;padding:0;margin:0 0 16px;border-bottom:2px solid var(--border)}
        .tabs a{display:inline-block;padding:8px 16px;min-height:44px;background:var(--pale)}
        .notes li{margin-bottom:6px}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        .site-footer{padding:24px 0;color:var(--grey);font-size:1rem}
        @media (max-width:640px){h1{font-size:1.75rem}table.data{font-size:.9rem}}
        """
}
