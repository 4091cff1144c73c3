//go:build !purego

#include "textflag.h"

// CLASSIFY sets v to the class bits of its bytes: lo[v&15] & hi[v>>4].
// mask holds 0x0f in every byte; tmp is clobbered.
#define CLASSIFY(v, tmp, lo, hi, mask) \
	VPSRLW  $4, v, tmp   \
	VPAND   mask, v, v   \
	VPAND   mask, tmp, tmp \
	VPSHUFB v, lo, v     \
	VPSHUFB tmp, hi, tmp \
	VPAND   tmp, v, v

// func pairScanAVX2(b []byte, t *[64]byte) (i int, mask uint64)
//
// The class bits of b[i] as a first byte are t[b[i]&15] & t[16+b[i]>>4],
// those of b[i+1] as a second byte t[32+b[i+1]&15] & t[48+b[i+1]>>4]; the
// pair is a candidate when the two share a bit. pairScanAVX2 looks at 64
// pairs at a time. It returns the first i (a multiple of 64) whose 64 pairs
// hold a candidate, with bit k of mask set when pair i+k is one; or, with
// mask 0, where it stopped: fewer than 65 bytes remain from there.
TEXT ·pairScanAVX2(SB), NOSPLIT, $0-48
	MOVQ           b_base+0(FP), SI
	MOVQ           b_len+8(FP), CX
	MOVQ           t+24(FP), DX
	VBROADCASTI128 0(DX), Y8   // first byte, low nibble
	VBROADCASTI128 16(DX), Y9  // first byte, high nibble
	VBROADCASTI128 32(DX), Y10 // second byte, low nibble
	VBROADCASTI128 48(DX), Y11 // second byte, high nibble
	MOVL           $0x0f0f0f0f, AX
	MOVL           AX, X12
	VPBROADCASTD   X12, Y12
	XORQ           DI, DI
	LEAQ           -65(CX), R8 // the last i whose 64 pairs lie within b

loop:
	CMPQ    DI, R8
	JGT     notfound
	VMOVDQU (SI)(DI*1), Y0
	VMOVDQU 1(SI)(DI*1), Y1
	VMOVDQU 32(SI)(DI*1), Y4
	VMOVDQU 33(SI)(DI*1), Y5
	CLASSIFY(Y0, Y2, Y8, Y9, Y12)
	CLASSIFY(Y1, Y3, Y10, Y11, Y12)
	CLASSIFY(Y4, Y6, Y8, Y9, Y12)
	CLASSIFY(Y5, Y7, Y10, Y11, Y12)
	VPAND   Y0, Y1, Y0
	VPAND   Y4, Y5, Y4
	VPOR    Y0, Y4, Y6
	VPTEST  Y6, Y6
	JNE     found
	ADDQ    $64, DI
	JMP     loop

found:
	VPXOR     Y2, Y2, Y2
	VPCMPEQB  Y2, Y0, Y0
	VPCMPEQB  Y2, Y4, Y4
	VPMOVMSKB Y0, AX
	VPMOVMSKB Y4, BX
	NOTL      AX
	NOTL      BX
	SHLQ      $32, BX
	ORQ       BX, AX
	MOVQ      DI, i+32(FP)
	MOVQ      AX, mask+40(FP)
	VZEROUPPER
	RET

notfound:
	MOVQ DI, i+32(FP)
	MOVQ $0, mask+40(FP)
	VZEROUPPER
	RET

// func cpuid(leaf, sub uint32) (eax, ebx, ecx, edx uint32)
TEXT ·cpuid(SB), NOSPLIT, $0-24
	MOVL leaf+0(FP), AX
	MOVL sub+4(FP), CX
	CPUID
	MOVL AX, eax+8(FP)
	MOVL BX, ebx+12(FP)
	MOVL CX, ecx+16(FP)
	MOVL DX, edx+20(FP)
	RET

// func xgetbv() (eax, edx uint32)
TEXT ·xgetbv(SB), NOSPLIT, $0-8
	MOVL $0, CX
	XGETBV
	MOVL AX, eax+0(FP)
	MOVL DX, edx+4(FP)
	RET
