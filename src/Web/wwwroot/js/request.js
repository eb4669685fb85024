// The request page: the process diagram, scans loaded only when opened, the manual-journal confirmation.
(function () {
    "use strict";
    mermaid.initialize({ startOnLoad: true, securityLevel: "strict", theme: "neutral" });

    // A scan may be large and its view is audited: fetch it only when the person opens it.
    document.querySelectorAll("details").forEach(d => d.addEventListener("toggle", () => {
        if (!d.open) return;
        d.querySelectorAll("[data-src]").forEach(e => { if (!e.getAttribute("src") || e.getAttribute("src") === "about:blank") e.src = e.dataset.src; });
    }));

    // Manual mode: the zavuch confirms each entry with the value seen before and the one entered.
    window.Corrections.builders["manual-apply"] = form => ({
        confirmations: [...form.querySelectorAll("[data-entry]")].map(f => ({
            entryId: f.dataset.entry, oldValue: f.querySelector("[data-old]").value, newValue: f.querySelector("[data-new]").value,
        })),
        reason: form.querySelector("[name=reason]")?.value || undefined,
    });
})();
