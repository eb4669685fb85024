// The request page: the process diagram and the manual-journal confirmation.
(function () {
    "use strict";
    mermaid.initialize({ startOnLoad: true, securityLevel: "strict", theme: "neutral" });

    // Manual mode: the zavuch confirms each entry with the value seen before and the one entered.
    window.Corrections.builders["manual-apply"] = form => ({
        confirmations: [...form.querySelectorAll("[data-entry]")].map(f => ({
            entryId: f.dataset.entry, oldValue: f.querySelector("[data-old]").value, newValue: f.querySelector("[data-new]").value,
        })),
        reason: form.querySelector("[name=reason]")?.value || undefined,
    });
})();
