// gratitude's own script: everything works without it; it only saves a
// click on the sign-in page.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form[data-autosubmit]");
  if (form && !sessionStorage.getItem("gratitude-signin-" + form.action)) {
    sessionStorage.setItem("gratitude-signin-" + form.action, "1");
    form.requestSubmit();
  }
});
