import { callApi } from '../../services/api'

export const listStations = () => callApi('station.list', {}).then((r) => r.stations)
export const getStation = (code: string) => callApi('station.byCode', { code })
export const getDeputy = (code: string) => callApi('deputy.byCode', { code })
