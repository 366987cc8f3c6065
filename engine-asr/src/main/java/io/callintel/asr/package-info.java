/** Speech recognition (Vosk), voice activity detection and diarization: filled in by the recognition work (issue 3). */
package io.callintel.asr;
