// «Новое заявление»: entry rows with their lock status, the documents a ground requires, and the
// request body for the API. The server checks everything again; this only helps the teacher early.
(function () {
    "use strict";
    const data = JSON.parse(document.getElementById("new-request-data").textContent);
    const say = window.Corrections.say;
    const form = document.getElementById("new-request");
    const body = document.querySelector("#entries tbody");
    const classSelect = document.getElementById("classId");
    const subjectSelect = document.getElementById("subjectId");
    let journal = null;
    let counter = 0;

    const option = (value, title, selected) => { const o = document.createElement("option"); o.value = value; o.textContent = title; if (selected) o.selected = true; return o; };

    function cell(row, content) { const td = document.createElement("td"); td.append(content); row.append(td); return td; }

    function input(name, type, label) {
        const e = document.createElement("input");
        e.className = "form-control form-control-sm"; e.type = type; e.name = name; e.id = `${name}-${counter}`;
        e.setAttribute("aria-label", label);
        return e;
    }

    function addRow(copyFrom) {
        const i = body.rows.length;
        counter++;
        const row = document.createElement("tr");
        row.dataset.index = i;
        const student = document.createElement("select");
        student.className = "form-select form-select-sm"; student.name = `entries[${i}].studentId`; student.setAttribute("aria-label", say("Js.Student"));
        fillStudents(student);
        const date = input(`entries[${i}].date`, "date", say("Js.Date"));
        date.max = data.today;
        const kind = document.createElement("select");
        kind.className = "form-select form-select-sm"; kind.name = `entries[${i}].kind`; kind.setAttribute("aria-label", say("Js.Kind"));
        for (const [k, title] of Object.entries(data.kinds)) kind.append(option(k, title));
        const period = document.createElement("select");
        period.className = "form-select form-select-sm mt-1"; period.name = `entries[${i}].studyPeriodId`; period.hidden = true; period.setAttribute("aria-label", say("Js.Period"));
        period.append(option("", data.text.choose));
        for (const p of data.periods) period.append(option(p.id, p.title));
        const was = input(`entries[${i}].currentValue`, "text", say("Js.Was")); was.size = 4; was.maxLength = 8;
        const becomes = input(`entries[${i}].requestedValue`, "text", say("Js.Becomes")); becomes.size = 4; becomes.maxLength = 8;
        const status = document.createElement("span");
        status.className = "small"; status.dataset.lock = ""; status.setAttribute("aria-live", "polite");
        const remove = document.createElement("button");
        remove.type = "button"; remove.className = "btn btn-sm btn-outline-secondary"; remove.textContent = "✕"; remove.setAttribute("aria-label", data.text.remove);
        remove.addEventListener("click", () => { row.remove(); renumber(); });
        cell(row, student); const dateCell = cell(row, date); const kindCell = cell(row, kind); kindCell.append(period);
        cell(row, was); cell(row, becomes); cell(row, status); cell(row, remove);
        if (copyFrom) { student.value = copyFrom.student; date.value = copyFrom.date; kind.value = copyFrom.kind; }
        for (const e of [student, date, kind, period]) e.addEventListener("change", () => { period.hidden = kind.value !== "PeriodMark"; refresh(row); });
        body.append(row);
        void dateCell;
        return row;
    }

    function fillStudents(select) {
        const keep = select.value;
        select.replaceChildren(option("", data.text.choose));
        for (const s of data.students[classSelect.value] || []) select.append(option(s.id, s.title, s.id === keep));
    }

    /** Names follow the row order, so the API's «entries[2].date» lands beside the right field. */
    function renumber() {
        [...body.rows].forEach((row, i) => {
            row.dataset.index = i;
            row.querySelectorAll("[name]").forEach(e => e.name = e.name.replace(/^entries\[\d+\]/, `entries[${i}]`));
        });
    }

    const field = (row, name) => row.querySelector(`[name$="].${name}"]`);

    /** The lock status of the row's entry, and the value the built-in journal holds for it now. */
    async function refresh(row) {
        const status = row.querySelector("[data-lock]");
        const kind = field(row, "kind").value, date = field(row, "date").value, period = field(row, "studyPeriodId").value;
        row.dataset.editable = "";
        if (!date) { status.textContent = ""; return; }
        status.textContent = data.text.checking;
        const query = new URLSearchParams({ kind, date });
        if (kind === "PeriodMark" && period) query.set("studyPeriodId", period);
        const result = await window.Corrections.api("GET", `/api/v1/schools/${data.schoolId}/lock-status?${query}`);
        if (!result.ok) { status.textContent = Object.values(result.body?.errors || {}).flat().join(" ") || result.body?.detail || ""; return; }
        const lock = result.body;
        status.className = `small ${lock.status === "locked" ? "lock-locked" : "lock-editable"}`;
        if (lock.status === "editable") {
            row.dataset.editable = "true";
            status.textContent = lock.editableThrough ? `${data.text.editable} ${lock.editableThrough.split("-").reverse().join(".")}` : lock.message;
        } else status.textContent = lock.status === "locked" ? lock.message : data.text.ahead;
        prefill(row);
    }

    async function loadJournal() {
        journal = null;
        if (!data.builtIn || !classSelect.value || !subjectSelect.value) return;
        const from = new Date(Date.parse(data.today) - 180 * 86400000).toISOString().slice(0, 10);
        const result = await window.Corrections.api("GET", `/api/v1/schools/${data.schoolId}/journal?classId=${classSelect.value}&subjectId=${subjectSelect.value}&from=${from}&to=${data.today}`);
        if (result.ok) journal = result.body;
        [...body.rows].forEach(prefill);
    }

    /** In the built-in journal the value before is known: filled in so it matches what «apply» will find. */
    function prefill(row) {
        const was = field(row, "currentValue");
        if (!journal || was.value) return;
        const student = field(row, "studentId").value, date = field(row, "date").value, kind = field(row, "kind").value;
        const lesson = journal.lessons.find(l => l.date === date);
        if (!lesson || !student) return;
        const value = kind === "Attendance"
            ? lesson.attendance.find(a => a.studentId === student)?.value
            : lesson.works.find(w => w.kind === kind)?.marks.find(m => m.studentId === student)?.value;
        if (value) was.value = value;
    }

    classSelect.addEventListener("change", () => { body.querySelectorAll("select[name$='.studentId']").forEach(fillStudents); loadJournal(); });
    subjectSelect.addEventListener("change", loadJournal);
    document.getElementById("groundId").addEventListener("change", e => {
        const documents = data.grounds[e.target.value] || [];
        document.getElementById("ground-documents").textContent = e.target.value ? (documents.length ? say("Js.DocumentsNeeded", documents.join(", ")) : data.text.noDocuments) : "";
    });
    document.getElementById("add-entry").addEventListener("click", () => {
        const last = body.rows[body.rows.length - 1];
        const row = addRow(last ? { student: "", date: field(last, "date").value, kind: field(last, "kind").value } : null);
        row.querySelector("select").focus();
        if (field(row, "date").value) refresh(row);
    });

    window.Corrections.builders["new-request"] = f => {
        const entries = [...body.rows].map(row => ({
            studentId: field(row, "studentId").value || null,
            date: field(row, "date").value || null,
            kind: field(row, "kind").value,
            studyPeriodId: field(row, "studyPeriodId").value || null,
            currentValue: field(row, "currentValue").value,
            requestedValue: field(row, "requestedValue").value,
        }));
        return {
            classId: classSelect.value || null, subjectId: subjectSelect.value || null,
            groundId: f.querySelector("[name=groundId]").value || null,
            justification: f.querySelector("[name=justification]").value || null, entries,
        };
    };

    // An entry the teacher may still change directly needs no request: refused here, before the draft.
    form.addEventListener("submit", event => {
        const editable = [...body.rows].filter(r => r.dataset.editable === "true");
        if (!editable.length) return;
        event.stopImmediatePropagation();
        event.preventDefault();
        window.Corrections.showProblem(form, {
            title: data.text.refuse,
            errors: Object.fromEntries(editable.map(r => [`entries[${r.dataset.index}].date`, [r.querySelector("[data-lock]").textContent]])),
        });
    }, true);

    addRow();
})();
