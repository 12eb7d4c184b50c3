## Yhdyspintapalvelut / Kontaktytstjänster / Interface services (sv)

## -- Register, service page, chain steps, export, public view --









## -- Division of work, agreements, monitoring and evaluation, reminders, report section --
