## Yhdyspintapalvelut / Kontaktytstjänster / Interface services (en)

## -- Register, service page, chain steps, export, public view --









## -- Division of work, agreements, monitoring and evaluation, reminders, report section --
