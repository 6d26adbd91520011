/*
 * SØM for Excel — webview check (issue 12, item 1). Plain ES5 on purpose: it must run where the task pane's
 * bundle (ES2020: ?., ??) cannot even be parsed — the Internet Explorer 11 (Trident) webview of Office 2019
 * volume-licensed and old Office builds, or Edge Legacy (EdgeHTML). Loaded after the bundle (both deferred, so
 * they run in document order); the bundle marks the page when its first line runs. When it did not, this
 * replaces "Indlæser SØM …" with a message instead of leaving the pane hanging. Supported: Microsoft 365,
 * Excel 2021 or newer with Microsoft Edge WebView2, and Excel on the web.
 */
(function () {
  "use strict";
  var root = document.documentElement;
  if (root.getAttribute("data-som-bundle") === "started") return;
  var body = document.getElementById("app-body");
  if (!body) return;
  var ua = String(window.navigator && window.navigator.userAgent);
  var oldWebview = typeof document.documentMode === "number" || /Trident\/|MSIE |Edge\/\d/.test(ua);
  var da = oldWebview
    ? "SØM kan ikke køre i denne version af Excel: opgaveruden bruger en forældet browser (Internet Explorer eller den gamle Edge). SØM kræver Microsoft 365 eller Excel 2021 eller nyere med Microsoft Edge WebView2 – eller Excel på nettet. Opdater Office, eller bed jeres it-afdeling installere WebView2 Runtime."
    : "SØM kunne ikke startes: programmets kode blev ikke indlæst. Genindlæs opgaveruden (luk og åbn den igen). Fortsætter det, så tjek netværket, eller meld fejlen.";
  var en = oldWebview
    ? "SØM cannot run in this version of Excel: the task pane uses an outdated browser (Internet Explorer or the old Edge). SØM needs Microsoft 365 or Excel 2021 or later with Microsoft Edge WebView2 — or Excel on the web. Update Office, or ask your IT department to install the WebView2 Runtime."
    : "SØM could not start: the program's code did not load. Reload the task pane (close and open it again). If it persists, check the network or report the problem.";
  var p1 = document.createElement("p");
  p1.className = "banner error";
  p1.setAttribute("role", "alert");
  p1.id = "som-unsupported";
  p1.appendChild(document.createTextNode(da));
  var p2 = document.createElement("p");
  p2.className = "hint";
  p2.setAttribute("lang", "en");
  p2.appendChild(document.createTextNode(en));
  while (body.firstChild) body.removeChild(body.firstChild);
  body.removeAttribute("aria-busy");
  body.appendChild(p1);
  body.appendChild(p2);
})();
