// Pages are cached for every anonymous reader, so their forms carry no CSRF token (it
// would be one reader's). Just before such a form is sent, fetch a fresh token, which
// also sets the CSRF cookie, and send the form again with it.
(function () {
  const tokenUrl = document.currentScript.dataset.tokenUrl;
  document.addEventListener("submit", async function (event) {
    const form = event.target;
    if (form.method !== "post" || form.elements.csrfmiddlewaretoken) return;
    if (new URL(form.action, location.href).origin !== location.origin) return;
    event.preventDefault();
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = "csrfmiddlewaretoken";
    try {
      const response = await fetch(tokenUrl, { credentials: "same-origin" });
      input.value = (await response.json()).token;
    } catch (error) {
      // Sent without a token the form is refused, with Django's CSRF page saying why.
    }
    form.append(input);
    form.requestSubmit(event.submitter);
  });
})();
