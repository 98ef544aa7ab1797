/** The 503 page, rendered without the database (and without React) while it is unreachable. */
export const UNAVAILABLE_HTML = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Service unavailable – Health justice commissioning</title>
<link rel="stylesheet" href="/styles/nhsuk-frontend.css">
</head>
<body>
<a class="nhsuk-skip-link" href="#maincontent">Skip to main content</a>
<header class="nhsuk-header" role="banner"><div class="nhsuk-header__container nhsuk-width-container"><div class="nhsuk-header__service">
<a class="nhsuk-header__service-logo" href="/" aria-label="NHS Health justice commissioning homepage"><span class="nhsuk-header__service-name">Health justice commissioning</span></a>
</div></div></header>
<div class="nhsuk-width-container"><main class="nhsuk-main-wrapper" id="maincontent">
<h1>Sorry, the service is unavailable</h1>
<p>The database cannot be reached just now. Try again in a few minutes.</p>
<p>Nothing you saved before this page appeared has been lost.</p>
</main></div>
</body>
</html>`;
