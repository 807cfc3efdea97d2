import type { CollectionSlug } from 'payload'
import { RETENTION_DAYS } from './retention'

/**
 * Every place the product keeps data about people, with why and for how long: the one list the
 * privacy page's table (content/pages/datenschutz.mdx) is checked against (privacy/inventory.test.ts).
 * `name` is how the table names the row; each `retention` phrase appears in that row as written.
 */
export type InventoryEntry = {
  name: string
  /** the collection, when the data lives in one (a test finds collections missing from here) */
  collection?: CollectionSlug
  what: string
  retention: string[]
}

const days = (n: number) => `${n} Tage`

export const PRIVACY_INVENTORY: InventoryEntry[] = [
  {
    name: 'Kommentare',
    collection: 'comments',
    what: 'Name, E-Mail-Adresse, Website, Text, Zeitpunkt, Version des Einwilligungstexts',
    retention: ['bis zur Löschung'],
  },
  {
    name: 'Benachrichtigungen (Abonnements)',
    collection: 'subscriptions',
    what: 'E-Mail-Adresse, Ziel, Sprache, Einwilligung mit Version und Zeitpunkt',
    retention: [
      `unbestätigt: ${days(RETENTION_DAYS.unconfirmedSubscription)}`,
      'bestätigt: bis zur Abmeldung',
      'abgemeldet: nur ein Schlüssel-Hash der Adresse',
    ],
  },
  {
    name: 'E-Mail-Ausgang',
    collection: 'email-deliveries',
    what: 'Empfänger, Betreff, Inhalt mit Links, Versandstatus',
    retention: [`Inhalt und Empfänger: ${days(RETENTION_DAYS.emailContent)}`],
  },
  {
    name: 'Sammelbenachrichtigungen',
    collection: 'digest-items',
    what: 'welcher Kommentar an welches Abonnement noch zu senden ist',
    retention: ['bis zum Versand'],
  },
  {
    name: 'Bewertungen',
    collection: 'comment-reactions',
    what: 'Bewertung, Hash der Leser-Kennung, Tages-Hash der IP-Adresse',
    retention: [`IP-Hash: ${days(RETENTION_DAYS.reactionClient)}`],
  },
  {
    name: 'Teilen-Zähler',
    collection: 'shares',
    what: 'nur Zähler je Artikel und Netzwerk, nichts über Personen',
    retention: ['keine personenbezogenen Daten'],
  },
  {
    name: 'Zähler gegen Missbrauch',
    collection: 'rate-limits',
    what: 'Tages-Hash von IP-Adresse oder E-Mail-Adresse, Anzahl der Anfragen',
    retention: [`höchstens ${days(RETENTION_DAYS.rateLimitCounter)}`],
  },
  {
    name: 'Redaktionskonten',
    collection: 'users',
    what: 'Name, E-Mail-Adresse, Passwort-Hash der Redakteurinnen und Redakteure',
    retention: ['bis zur Löschung des Kontos'],
  },
  {
    name: 'Medien',
    collection: 'media',
    what: 'hochgeladene Bilder und Dateien mit Alternativtext',
    retention: ['bis zur Löschung'],
  },
  {
    name: 'Protokolle',
    what: 'Fehler und Ereignisse des Servers, ohne vollständige E-Mail-Adressen und Schlüssel',
    retention: ['7 Tage'],
  },
]
