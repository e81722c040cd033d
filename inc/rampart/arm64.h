/* AArch64 system-register access and the architectural bits we rely on. */
#ifndef RAMPART_ARM64_H
#define RAMPART_ARM64_H

#include <rampart/types.h>

/* Two levels so that register names given as macros are expanded first. */
#define __read_sysreg(reg)                                                     \
	({                                                                     \
		uint64_t __v;                                                  \
		__asm__ volatile("mrs %0, " #reg : "=r"(__v));                 \
		__v;                                                           \
	})
#define read_sysreg(reg) __read_sysreg(reg)
#define __write_sysreg(reg, val)                                               \
	__asm__ volatile("msr " #reg ", %0" ::"r"((uint64_t)(val)))
#define write_sysreg(reg, val) __write_sysreg(reg, val)

static inline void isb(void)
{
	__asm__ volatile("isb" ::: "memory");
}
static inline void dsb_sy(void)
{
	__asm__ volatile("dsb sy" ::: "memory");
}
static inline void dsb_ish(void)
{
	__asm__ volatile("dsb ish" ::: "memory");
}
static inline void sev(void)
{
	__asm__ volatile("sev" ::: "memory");
}
static inline void wfe(void)
{
	__asm__ volatile("wfe" ::: "memory");
}
static inline void wfi(void)
{
	__asm__ volatile("wfi" ::: "memory");
}

/* MPIDR_EL1 */
#define MPIDR_AFF_MASK 0xff00ffffffull
#define MPIDR_AFF0(m) ((m)&0xff)
#define MPIDR_AFF1(m) (((m) >> 8) & 0xff)

/* SPSR / PSTATE */
#define SPSR_MODE_EL1H 0x5
#define SPSR_MODE_EL1T 0x4
#define SPSR_DAIF_MASK (0xfull << 6)
#define DAIF_FIQ_BIT BIT(6)
#define DAIF_IRQ_BIT BIT(7)

/* SCR_EL3 */
#define SCR_NS BIT(0)
#define SCR_IRQ BIT(1)
#define SCR_FIQ BIT(2)
#define SCR_EA BIT(3)
#define SCR_RES1 (BIT(4) | BIT(5))
#define SCR_SMD BIT(7)
#define SCR_HCE BIT(8)
#define SCR_RW BIT(10)
#define SCR_ST BIT(11)
#define SCR_APK BIT(16)
#define SCR_API BIT(17)
#define SCR_ATA BIT(26)

/* CPTR_EL3 */
#define CPTR_EZ BIT(8)
#define CPTR_TFP BIT(10)
#define CPTR_ESM BIT(12)
#define CPTR_TAM BIT(30)

/* SCTLR_ELx */
#define SCTLR_M BIT(0)
#define SCTLR_A BIT(1)
#define SCTLR_C BIT(2)
#define SCTLR_SA BIT(3)
#define SCTLR_SA0 BIT(4)
#define SCTLR_I BIT(12)
#define SCTLR_WXN BIT(19)
/* Architectural reset value of SCTLR_EL1 with the MMU and caches off. */
#define SCTLR_EL1_RESET 0x30d00800ull

/* ESR_ELx exception classes */
#define ESR_EC_SHIFT 26
#define ESR_EC(esr) (((esr) >> ESR_EC_SHIFT) & 0x3f)
#define ESR_EC_SMC64 0x17
#define ESR_EC_SVC64 0x15

/* ID register fields */
#define ID_AA64PFR0_SVE(v) (((v) >> 32) & 0xf)
#define ID_AA64PFR1_SME(v) (((v) >> 24) & 0xf)
#define ID_AA64ISAR1_APA(v) (((v) >> 4) & 0xf)
#define ID_AA64ISAR1_API(v) (((v) >> 8) & 0xf)
#define ID_AA64ISAR1_GPA(v) (((v) >> 24) & 0xf)
#define ID_AA64ISAR1_GPI(v) (((v) >> 28) & 0xf)
#define ID_AA64ISAR2_APA3(v) (((v) >> 12) & 0xf)
#define ID_AA64ISAR2_GPA3(v) (((v) >> 8) & 0xf)

/* GICv3 CPU interface system registers (by encoding: works with any -march) */
#define ICC_SRE_EL3 S3_6_C12_C12_5
#define ICC_SRE_EL1 S3_0_C12_C12_5
#define ICC_PMR_EL1 S3_0_C4_C6_0
#define ICC_IAR1_EL1 S3_0_C12_C12_0
#define ICC_EOIR1_EL1 S3_0_C12_C12_1
#define ICC_IGRPEN1_EL1 S3_0_C12_C12_7
#define ICC_BPR1_EL1 S3_0_C12_C12_3
#define ICC_CTLR_EL1 S3_0_C12_C12_4
#define ICC_HPPIR1_EL1 S3_0_C12_C12_2

/* SVE/SME EL3 controls */
#define ZCR_EL3 S3_6_C1_C2_0
#define SMCR_EL3 S3_6_C1_C2_6

#endif
