import QRCode from 'qrcode';
import { permitQrText } from '@cc/shared';

/**
 * The printed permit's QR code as a PNG data URL: `<origin>/verify/<number>#<token>` (a phone opens
 * the public check; a checkpoint verifies the token after '#' offline). Error correction M and a
 * four-module quiet zone, as scanners expect; 8 px per module so a print at 300 dpi stays sharp.
 */
export function permitQrDataUrl(origin: string, number: string, token: string): Promise<string> {
  return QRCode.toDataURL(permitQrText(origin, number, token), { errorCorrectionLevel: 'M', margin: 4, scale: 8 });
}
