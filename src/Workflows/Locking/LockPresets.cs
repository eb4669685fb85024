namespace Corrections.Workflows.Locking;

/// <summary>
/// The lock policies of the seed documents in /work/shared/seeds, as starting points an administrator
/// picks and then adjusts. Each rule cites the sentence it comes from; where a document is silent the
/// choice is said so.
/// </summary>
public static class LockPresets
{
    /// <summary>
    /// Letter of the Krasnodar education department of 28.09.2017 № 30-6417-09 (seed 000), point 1:
    /// «Обеспечить ограничение периода внесения информации в электронный журнал по следующим критериям».
    /// </summary>
    public static LockPolicy KrasnodarLetter2017() => new(
        name: "Письмо департамента образования г. Краснодара от 28.09.2017 № 30-6417-09",
        // «запрет редактирования текущих отметок и отметок о посещаемости учащихся по прошествии 2-х дней
        // после фактического проведения урока»
        currentMark: LockRule.Days(2, LockAnchor.EntryDate),
        attendance: LockRule.Days(2, LockAnchor.EntryDate),
        // «запрет редактирования отметок за контрольную работу в рамках внутреннего мониторинга качества
        // образования (внутришкольного контроля) по прошествии 7-и дней после фактического проведения работы»
        controlWork: LockRule.Days(7, LockAnchor.EntryDate),
        // The letter does not name practical works. One outside internal monitoring is a mark for a lesson,
        // so it locks like a current mark.
        practicalWork: LockRule.Days(2, LockAnchor.EntryDate),
        // «запрет редактирования отметок за письменную работу (сочинения по русскому языку и литературе
        // в 10-х – 11-х классах) по прошествии 14 дней после проведения работы»
        writtenWork: LockRule.Days(14, LockAnchor.EntryDate),
        // «запрет редактирования отметок за промежуточную и итоговую аттестацию обучающихся по прошествии
        // 7 дней после окончания каждого учебного периода»
        periodMark: LockRule.Days(7, LockAnchor.PeriodEnd),
        // The letter itself is silent on marks ahead. School № 53's regulation (seed 001, 6.3) lists
        // «запрет редактировать выставление текущих и итоговых отметок вперёд» among the settings fixed
        // by the Krasnodar education authority («(УО г. Краснодар)»), and DOMAIN.md counts it a default.
        noMarksAhead: true);

    /// <summary>
    /// Regulation on the electronic journal of МАОУ СОШ № 53, Krasnodar, 2024 (seed 001), 3.8 and 6.3.
    /// </summary>
    public static LockPolicy KrasnodarSchool53() => new(
        name: "Положение МАОУ СОШ № 53 г. Краснодара (2024)",
        // 3.8: «запрет редактирования текущих отметок и отметок о посещаемости учащихся, тем уроков и видов
        // работ по прошествии 10 дней после фактического проведения урока»; 6.3 repeats 10 days.
        currentMark: LockRule.Days(10, LockAnchor.EntryDate),
        attendance: LockRule.Days(10, LockAnchor.EntryDate),
        // The regulation never mentions control works. Its 3.8 item on «практические работы в рамках
        // внутреннего мониторинга качества образования» stands where the letter has control works of
        // internal monitoring, so control works take the same 7 days.
        controlWork: LockRule.Days(7, LockAnchor.EntryDate),
        // 3.8: «запрет редактирования отметок за практические работы в рамках внутреннего мониторинга
        // качества образования (в соответствии с КТП) по прошествии семи дней после фактического проведения работы»
        practicalWork: LockRule.Days(7, LockAnchor.EntryDate),
        // 3.8: «запрет редактирования отметок за письменные работы (сочинения по русскому языку и литературе
        // в 10-11 классах) по прошествии десяти дней после проведения работы»
        writtenWork: LockRule.Days(10, LockAnchor.EntryDate),
        // 6.3: «запрет редактировать итоговые отметки по прошествии 5 дней (УО г. Краснодар)». 6.3 does not
        // say from when; 3.8 locks them «после окончания каждого учебного периода», so from the period end.
        // 3.8 alone would mean no grace at all; 6.3 is the setting the system actually carries.
        periodMark: LockRule.Days(5, LockAnchor.PeriodEnd),
        // 3.8: «запрет выставления текущих оценок «вперед»»; 6.3: «…текущих и итоговых отметок вперёд».
        noMarksAhead: true);

    /// <summary>
    /// ЕИСУ МО as set up by МБОУ «СОШ № 14», Sergiev Posad (seed 003). Item 13 lets the school administrator
    /// set how long a mark («выставленная оценка») stays editable, counted from the lesson date; the
    /// choice is <paramref name="editWindow"/>. It applies to marks tied to a lesson or work. Attendance
    /// and period marks are not «выставленная оценка … после даты проведения урока», so they keep the
    /// document's fixed limits.
    /// </summary>
    public static LockPolicy EisuMoSchool14(EisuEditWindow editWindow)
    {
        var marks = editWindow switch
        {
            // «Никогда» (оценку (отметку) можно редактировать в течение неограниченного периода времени,
            // до истечения текущего учебного года). The end of the school year is not modelled here.
            EisuEditWindow.Never => LockRule.Never,
            // «Через неделю» (… в течение недели после даты проведения урока)
            EisuEditWindow.OneWeek => LockRule.Days(7, LockAnchor.EntryDate),
            // «Через 2 недели» (… в течение 2 недель после даты проведения урока)
            EisuEditWindow.TwoWeeks => LockRule.Days(14, LockAnchor.EntryDate),
            // «Через 3 недели» (… в течение 3 недель после даты проведения урока)
            EisuEditWindow.ThreeWeeks => LockRule.Days(21, LockAnchor.EntryDate),
            // «Через месяц» (… в течение месяца после даты проведения урока)
            EisuEditWindow.OneMonth => LockRule.Months(1, LockAnchor.EntryDate),
            _ => throw new ArgumentOutOfRangeException(nameof(editWindow), editWindow, "Unknown ЕИСУ edit window."),
        };

        // Items 8 and 3.1 («не позднее 2 дней после проведения урока») are a deadline for entering marks,
        // and item 8 itself allows later entry for written and control works, so they do not lock marks:
        // the administrator's window does.
        return new LockPolicy(
            name: $"ЕИСУ МО, МБОУ «СОШ № 14» Сергиева Посада: редактирование оценок — {Label(editWindow)}",
            currentMark: marks,
            // Item 12: «внесение информации должно производиться каждым педагогом не позднее 2 дней после
            // проведения урока»; table 1, 3.1: «В течение 2 дней после проведения урока».
            attendance: LockRule.Days(2, LockAnchor.EntryDate),
            controlWork: marks,
            practicalWork: marks,
            writtenWork: marks,
            // Item 13: «выставляет оценки (отметки) в рамках итоговой аттестации … в течение 7 дней после
            // завершения каждого учебного периода»; table 1, 3.2: «В течение 7 дней после окончания отчетного периода».
            periodMark: LockRule.Days(7, LockAnchor.PeriodEnd),
            // The procedure is silent on marks ahead; refused, as in the Krasnodar documents, because a mark
            // for a lesson not yet held has nothing to rest on.
            noMarksAhead: true);
    }

    private static string Label(EisuEditWindow editWindow) => editWindow switch
    {
        EisuEditWindow.Never => "«Никогда»",
        EisuEditWindow.OneWeek => "«Через неделю»",
        EisuEditWindow.TwoWeeks => "«Через 2 недели»",
        EisuEditWindow.ThreeWeeks => "«Через 3 недели»",
        _ => "«Через месяц»",
    };
}
