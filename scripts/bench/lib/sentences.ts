/** What readers write in the benches' seeded comments. */
export const SENTENCES = [
  'Das deckt sich mit unseren Erfahrungen im Vertrieb.',
  'Wir haben LinkedIn zwei Jahre lang getestet, mit *gemischten* Ergebnissen.',
  'Gerade für kleine Teams ist der Aufwand nicht zu unterschätzen.',
  'Gibt es dazu belastbare Zahlen? Siehe auch https://example.com/studie-2026',
  'Bei uns hat erst die **klare Zuständigkeit** etwas verändert.',
  'Ich sehe das etwas anders: Reichweite ist nicht gleich Kundengewinnung.',
  'Danke für den Überblick, den Artikel gebe ich an die Geschäftsführung weiter.',
  'Der Punkt mit den Mitarbeitenden als Botschaftern ist wichtig.',
  '> Sichtbarkeit entsteht durch Regelmäßigkeit\n\nGenau das ist die Schwierigkeit.',
  'Welche Werkzeuge nutzt ihr für die Planung? Wir arbeiten mit `Redaktionsplan.xlsx`.',
]
