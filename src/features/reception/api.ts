// The one reception action the main package needs: checking a booked resident in when they open
// the station's page (scanned its code) on the reception day. The rest lives in packageReception.
import { callApi } from '../../services/api'

export const checkInByScan = (stationCode: string) => callApi('reception.checkInByScan', { stationCode })
