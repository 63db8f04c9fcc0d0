// What issue 12 stores: partner API keys, archive exports, webhook nonces, and the fields it adds
// to cases and units (kept here, as intersections, so records.ts stays as it is).
import type { CaseDoc, UnitDoc } from '../records'

/** A partner system's key. The key itself is never stored: only its sha256 (`keyHash`). */
export interface ApiKeyDoc {
  /** `ak<12 hex>`: also the start of the key (`myt_<id>_<secret>`), so a key is found by id, then its hash compared. */
  _id: string
  keyHash: string
  name: string
  /** The district (区) the key files into, its admin's region. */
  regionId: string
  /** The default station (its inbox) for cases filed with this key. */
  stationId: string
  status: 'active' | 'revoked'
  createdAt: string
  createdBy: string
  createdByName: string
  revokedAt: string | null
  revokedReason: string | null
  lastUsedAt: string | null
  casesFiled: number
}

export interface ExportFile {
  format: 'jsonl' | 'csv'
  name: string
  fileId: string
  size: number
}

/** One day's archive export (`_id` = the Shanghai date): claimed, then done; never done twice. */
export interface ExportDoc {
  _id: string
  status: 'running' | 'done'
  startedAt: string
  finishedAt: string | null
  count: number
  files: ExportFile[]
}

/** A webhook delivery already seen (replay protection): `_id` = `<partner>:<nonce>`. */
export interface WebhookNonceDoc {
  _id: string
  partner: string
  signature: string
  at: string
}

/** 12345: where a case transferred to the hotline stands. */
export interface HotlineLinkState {
  partner: string
  /**
   * `pending` until the partner took the push; `pushed` after (the callbacks follow); `failed` when
   * it never went through; `detached` once the case was transferred to another unit since.
   */
  state: 'pending' | 'pushed' | 'failed' | 'detached'
  attempts: number
  nextAttemptAt: string | null
  lastError: string | null
  pushedAt: string | null
  /** The partner's own work-order number, from its answer to the push. */
  partnerRef: string | null
  /** Callback events applied, by the partner's event id → when (each applied once). */
  applied?: Record<string, string>
}

export interface PartnerCaseFields {
  /** Filed by a partner system with an API key: which key and the partner's own id. */
  partner?: {
    keyId: string
    name: string
    partnerRequestId: string
    /** Contact the partner sent, sealed (encrypted) like residents' phones; never published. */
    contactNameSealed: string | null
    contactNameMasked: string | null
    emailSealed: string | null
    lat: number | null
    long: number | null
  }
  /** Transferred to the 12345 hotline (a unit of kind `hotline`). */
  hotline?: HotlineLinkState
}

export type PartnerCaseDoc = CaseDoc & PartnerCaseFields

/** A handling unit of kind `hotline` (the 12345 hotline) is pushed to through the hotline port. */
export type PartnerUnitDoc = UnitDoc & { kind?: 'unit' | 'hotline'; partner?: string }
