// ALTCHA proof of work, solved in the browser: fetch a signed challenge, find the number
// whose SHA-256 (with the salt) equals it, and put the proof in the form. Self-hosted: no
// third party. Starts by itself; the checkbox shows the state and restarts after a failure.
(function () {
  "use strict";

  function hex(buffer) {
    return Array.from(new Uint8Array(buffer)).map(function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  async function sha256(text) {
    return hex(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  }

  async function solve(challenge) {
    for (let n = 0; n <= challenge.maxnumber; n++) {
      if ((await sha256(challenge.salt + n)) === challenge.challenge) {
        return n;
      }
    }
    throw new Error("no solution");
  }

  function setup(box) {
    const proof = box.querySelector("input[name=altcha]");
    const check = box.querySelector(".captcha__check");
    const state = box.querySelector(".captcha__state");
    let running = false;

    function show(name, text, checked) {
      box.dataset.state = name;
      state.textContent = text;
      check.checked = checked;
    }

    async function run() {
      if (running || proof.value) {
        return;
      }
      running = true;
      check.disabled = true;
      show("working", box.dataset.textWorking, false);
      try {
        const response = await fetch(box.dataset.challengeUrl, { credentials: "same-origin", cache: "no-store" });
        if (!response.ok) {
          throw new Error("challenge " + response.status);
        }
        const challenge = await response.json();
        const number = await solve(challenge);
        proof.value = btoa(JSON.stringify({
          algorithm: challenge.algorithm, challenge: challenge.challenge, number: number,
          salt: challenge.salt, signature: challenge.signature
        }));
        show("done", box.dataset.textDone, true);
      } catch (e) {
        show("error", box.dataset.textError, false);
        check.disabled = false;
      } finally {
        running = false;
      }
    }

    check.addEventListener("change", function () { if (check.checked) { run(); } });
    if (window.crypto && crypto.subtle) {
      run();
    } else {
      // no Web Crypto (plain HTTP on another host): the form's time stamp path applies
      show("error", box.dataset.textError, false);
    }
  }

  document.querySelectorAll("[data-captcha]").forEach(setup);
})();
