#!/usr/bin/env bash
# Loudspeaker clip for the demo pack: a synthetic gong (sox), then espeak-ng's Vietnamese
# voice reading a short 5K announcement, mixed to mono Ogg Vorbis at a low bitrate.
# Needs sox (with Ogg Vorbis support) and espeak-ng. Run: bash scripts/demo-pack/make-audio.sh
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../resources/demo-pack/source/audio/loa-5k.ogg"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rate=22050
# Every sox call runs with -R (repeatable mode), so the same inputs give the same bytes.

# "Cô-vít 19" is how announcers say COVID-19; espeak-ng would read "COVID" with its English voice.
text='Thông báo. Để phòng, chống dịch Cô-vít 19, Bộ Y tế khuyến cáo bà con thực hiện thông điệp 5K: Khẩu trang. Khử khuẩn. Khoảng cách. Không tập trung. Khai báo y tế. Khi có sốt, ho, khó thở, hãy liên hệ ngay trạm y tế xã. Đây là bản tin mẫu để dùng thử.'

# Gong: a few inharmonic partials (two slightly detuned, so they beat), a quick attack and a
# long linear decay, with a little reverb.
sox -R -n -r "$rate" -c 1 "$work/gong.wav" \
  synth 3 sine 196 sine 198.5 sine 327 sine 471 sine 698 sine 925 \
  remix - gain -n -3 fade t 0.005 3 2.99 reverb 30

# Speech: espeak-ng's Vietnamese voice, a little slower than its default.
espeak-ng -v vi -s 140 -p 45 -w "$work/speech-raw.wav" "$text"
sox -R "$work/speech-raw.wav" -r "$rate" -c 1 "$work/speech.wav"

# Gong, short pause, speech, short tail; cut the low rumble, normalise, encode.
sox -R -n -r "$rate" -c 1 "$work/pause.wav" trim 0 0.4
sox -R "$work/gong.wav" "$work/pause.wav" "$work/speech.wav" "$work/pause.wav" "$work/mix.wav"
sox -R "$work/mix.wav" -C 0 "$out" gain -3 highpass 100 norm -1
soxi "$out"
