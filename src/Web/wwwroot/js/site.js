// The pages' small script: API calls with the page's anti-forgery token, errors shown beside their
// fields, scan uploads with a progress bar, countdowns. Everything the server decides stays there.
(function () {
    "use strict";
    const token = document.querySelector('meta[name="csrf-token"]')?.content ?? "";
    // The words the scripts show come from the resource files, through the layout (Js.* keys).
    const text = JSON.parse(document.getElementById("ui-text")?.textContent || "{}");
    const say = (key, ...args) => (text[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => args[Number(i)]);

    /** Calls the API with the page's cookie and token; resolves to {ok, status, body}. */
    async function api(method, url, body, headers) {
        const init = { method, headers: { "RequestVerificationToken": token, "Accept": "application/json", ...(headers || {}) }, credentials: "same-origin" };
        if (body !== undefined) { init.body = JSON.stringify(body); init.headers["Content-Type"] = "application/json"; }
        let response;
        try { response = await fetch(url, init); }
        catch { return { ok: false, status: 0, body: { title: say("Js.Offline"), detail: say("Js.OfflineDetail") } }; }
        const text = await response.text();
        let parsed = null;
        try { parsed = text ? JSON.parse(text) : null; } catch { parsed = { detail: text }; }
        return { ok: response.ok, status: response.status, body: parsed, etag: response.headers.get("ETag") };
    }

    /** A random key; crypto.randomUUID exists only on HTTPS, and a school's server may be plain HTTP on its LAN. */
    function newKey() {
        const b = crypto.getRandomValues(new Uint8Array(16));
        return [...b].map(x => x.toString(16).padStart(2, "0")).join("");
    }

    /** Clears what an earlier attempt marked on the form. */
    function clearProblems(form) {
        form.querySelectorAll(".is-invalid").forEach(e => e.classList.remove("is-invalid"));
        form.querySelectorAll(".invalid-feedback[data-generated]").forEach(e => e.remove());
        form.querySelectorAll("[data-error-for]").forEach(e => { e.textContent = ""; e.hidden = true; });
        const summary = form.querySelector("[data-problem]");
        if (summary) { summary.textContent = ""; summary.hidden = true; }
    }

    /** Shows a ProblemDetails: each field's message beside the field, the rest at the top of the form. */
    function showProblem(form, problem) {
        clearProblems(form);
        const leftover = [];
        const errors = problem?.errors || {};
        let first = null;
        for (const [name, messages] of Object.entries(errors)) {
            const text = messages.join(" ");
            const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
            const input = form.querySelector(`[name="${CSS.escape(name)}"]`) || form.querySelector(`[data-field="${CSS.escape(name)}"]`);
            if (slot) { slot.textContent = text; slot.hidden = false; }
            if (input) {
                input.classList.add("is-invalid");
                input.setAttribute("aria-invalid", "true");
                if (!slot) {
                    const feedback = document.createElement("div");
                    feedback.className = "invalid-feedback d-block";
                    feedback.dataset.generated = "";
                    feedback.id = `${input.id || name}-error`;
                    feedback.textContent = text;
                    input.setAttribute("aria-describedby", feedback.id);
                    input.insertAdjacentElement("afterend", feedback);
                }
                first ??= input;
            }
            if (!slot && !input) leftover.push(text);
        }
        const summary = form.querySelector("[data-problem]");
        const detail = [problem?.detail && !Object.keys(errors).length ? problem.detail : null, ...leftover].filter(Boolean).join(" ");
        const title = problem?.title ?? say("Js.Error");
        if (summary) {
            summary.textContent = detail ? `${title}: ${detail}` : title;
            summary.hidden = false;
            if (!first) summary.focus();
        }
        first?.focus();
    }

    /** Reads a form into JSON: numbers, booleans and arrays where data-type says so; empty fields left out. */
    function formJson(form) {
        const result = {};
        for (const element of form.elements) {
            if (!element.name || element.disabled || element.dataset.skip !== undefined || element.name === "__RequestVerificationToken") continue;
            if ((element.type === "checkbox" || element.type === "radio") && !element.checked) continue;
            let value = element.value;
            if (value === "" && element.dataset.type !== "array" && element.dataset.keepEmpty === undefined) continue;
            if (element.dataset.type === "number") value = Number(value);
            if (element.dataset.type === "bool") value = value === "true";
            if (element.dataset.type === "array") { (result[element.name] ??= []).push(value); continue; }
            result[element.name] = value;
        }
        return result;
    }

    /** Submits a form[data-api] to its API address; on success goes where data-next says. */
    async function submitApiForm(form, submitter) {
        const method = (form.dataset.method || "POST").toUpperCase();
        const headers = {};
        if (form.dataset.revision) headers["If-Match"] = `"${form.dataset.revision}"`;
        // One key per form as rendered: a double click or a retry replays the first result.
        if (form.dataset.idempotent !== undefined) headers["Idempotency-Key"] = (form.dataset.key ??= newKey());
        const build = form.dataset.build && window.Corrections.builders[form.dataset.build];
        const body = build ? build(form) : formJson(form);
        const buttons = form.querySelectorAll("button[type=submit]");
        buttons.forEach(b => b.disabled = true);
        const busy = form.querySelector("[data-busy]");
        if (busy) busy.hidden = false;
        const result = await api(method, form.dataset.api, body, headers);
        buttons.forEach(b => b.disabled = false);
        if (busy) busy.hidden = true;
        if (!result.ok) {
            // A refusal is final for this key; a new attempt (after a fix) gets a new one.
            delete form.dataset.key;
            showProblem(form, result.body);
            return;
        }
        const next = form.dataset.next;
        if (next) location.assign(next.replace("{id}", result.body?.id ?? ""));
        else location.reload();
    }

    document.addEventListener("submit", event => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.dataset.api) return;
        event.preventDefault();
        if (form.dataset.confirm && !confirm(form.dataset.confirm)) return;
        submitApiForm(form, event.submitter);
    });

    /** Drag-and-drop or chosen scans, each sent as the request body with a progress bar. */
    function setupUpload(zone) {
        const input = zone.querySelector("input[type=file]");
        const type = document.getElementById(zone.dataset.typeFrom);
        const list = zone.querySelector("[data-progress-list]");
        const status = zone.querySelector("[data-upload-status]");
        const send = file => new Promise(resolve => {
            const row = document.createElement("div");
            row.className = "mb-2";
            const label = document.createElement("div");
            label.className = "small";
            label.textContent = file.name;
            const bar = document.createElement("progress");
            bar.max = 100; bar.value = 0; bar.className = "w-100";
            bar.setAttribute("aria-label", say("Js.Uploading", file.name));
            row.append(label, bar);
            list.append(row);
            const xhr = new XMLHttpRequest();
            const url = `${zone.dataset.upload}?type=${encodeURIComponent(type.value)}&name=${encodeURIComponent(file.name)}`;
            xhr.open("POST", url);
            xhr.setRequestHeader("RequestVerificationToken", token);
            xhr.setRequestHeader("Content-Type", "application/octet-stream");
            xhr.upload.onprogress = e => { if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total); };
            xhr.onload = () => {
                if (xhr.status >= 200 && xhr.status < 300) { bar.value = 100; label.textContent = say("Js.Uploaded", file.name); resolve(true); return; }
                let problem = {};
                try { problem = JSON.parse(xhr.responseText); } catch { }
                const messages = Object.values(problem.errors || {}).flat();
                label.textContent = `${file.name}: ${messages.length ? messages.join(" ") : (problem.detail || problem.title || say("Js.NotUploaded"))}`;
                label.className = "small text-danger";
                resolve(false);
            };
            xhr.onerror = () => { label.textContent = `${file.name}: ${say("Js.Offline")}`; label.className = "small text-danger"; resolve(false); };
            xhr.send(file);
        });
        const sendAll = async files => {
            if (!type.value) { status.textContent = say("Js.ChooseTypeFirst"); status.hidden = false; type.focus(); return; }
            status.hidden = true;
            const results = [];
            for (const file of files) results.push(await send(file));
            if (results.every(Boolean)) location.reload();
        };
        zone.addEventListener("dragover", e => { e.preventDefault(); zone.classList.add("dragging"); });
        zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
        zone.addEventListener("drop", e => { e.preventDefault(); zone.classList.remove("dragging"); sendAll([...e.dataTransfer.files]); });
        input.addEventListener("change", () => sendAll([...input.files]));
    }

    /** «осталось 1 д 3 ч 05 мин» until data-deadline, refreshed each half minute. */
    function tick() {
        const now = Date.now();
        document.querySelectorAll("[data-deadline]").forEach(e => {
            const left = Date.parse(e.dataset.deadline) - now;
            if (left <= 0) { e.textContent = say("Js.Expired"); e.classList.add("text-danger"); return; }
            const minutes = Math.floor(left / 60000), days = Math.floor(minutes / 1440), hours = Math.floor(minutes % 1440 / 60);
            e.textContent = days > 0 ? say("Js.LeftDays", days, hours, String(minutes % 60).padStart(2, "0")) : say("Js.Left", hours, String(minutes % 60).padStart(2, "0"));
        });
    }

    // A scan may be large and each view is audited: its viewer loads only when the person opens it.
    // Listening on the document catches every <details>, whenever the page's other scripts finish.
    document.addEventListener("toggle", event => {
        const d = event.target;
        if (!(d instanceof HTMLDetailsElement) || !d.open) return;
        d.querySelectorAll("[data-src]").forEach(e => { if (!e.getAttribute("src") || e.getAttribute("src") === "about:blank") e.src = e.dataset.src; });
    }, true);

    // Forms whose body is a list, one item per select: notification settings, say.
    const builders = {
        settings: form => [...form.querySelectorAll("select[data-kind]")].map(e => ({ kind: e.dataset.kind, mode: e.value })),
        calendar: form => ({
            weekDays: Number(form.querySelector("[name=weekDays]").value),
            days: [...form.querySelectorAll("tr[data-day]")].filter(r => !r.querySelector("[data-remove]")?.checked && r.querySelector("[data-date]").value)
                .map(r => ({ date: r.querySelector("[data-date]").value, kind: r.querySelector("[data-day-kind]").value, note: r.querySelector("[data-note]").value || null })),
        }),
    };

    window.Corrections = { api, showProblem, clearProblems, formJson, say, builders };
    document.addEventListener("DOMContentLoaded", () => {
        document.querySelectorAll("[data-upload]").forEach(setupUpload);
        tick();
        setInterval(tick, 30000);
    });
})();
