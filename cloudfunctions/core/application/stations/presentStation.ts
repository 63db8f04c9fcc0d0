import {
  DEPUTY_LEVEL_LABELS,
  STATION_KIND_LABELS,
  type DeputyCard,
  type StationSummary,
} from '@minyi/types'
import type { DeputyDoc, StationDoc } from '../../domain/records'

export function presentStationSummary(s: StationDoc): StationSummary {
  return { id: s._id, code: s.code, name: s.name, kind: s.kind, kindLabel: STATION_KIND_LABELS[s.kind], address: s.address }
}

export function presentDeputyCard(d: DeputyDoc, stationId?: string): DeputyCard {
  return {
    id: d._id,
    code: d.code,
    name: d.name,
    level: d.level,
    levelLabel: DEPUTY_LEVEL_LABELS[d.level],
    photoUrl: d.photoUrl,
    commitment: d.commitment,
    isHead: stationId ? d.headOf.includes(stationId) : d.headOf.length > 0,
    contact: d.contact ?? '',
  }
}
