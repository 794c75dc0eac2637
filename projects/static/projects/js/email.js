// Turn "ana [at] example [dot] org" (see the `obfuscated` filter) back into a mailto link.
document.querySelectorAll("[data-email]").forEach((element) => {
  const address = element.dataset.email.replace(" [at] ", "@").replaceAll(" [dot] ", ".");
  const link = document.createElement("a");
  link.href = `mailto:${address}`;
  link.textContent = address;
  element.replaceWith(link);
});
