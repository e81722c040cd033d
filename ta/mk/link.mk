# Link, check, strip, dump and sign. Included by ta_dev_kit.mk last.
#
# The ELF is linked -pie at address 0 with src/ta.ld.S: ta_head first, then
# R-X text, R-- rodata and RW- data, each 4 KiB aligned. The result is
# checked by scripts/check_ta_elf.sh (ET_DYN AArch64, entry __ta_entry,
# ta_head at offset 0 of the first PT_LOAD, no W+X segment, only
# R_AARCH64_RELATIVE relocations, no DT_NEEDED/TEXTREL) and removed if any
# check fails.

TA_SIGN_KEY ?= $(ta-dev-kit-dir)/keys/default_ta.pem
SIGN_TA ?= $(ta-dev-kit-dir)/bin/sign_ta

ta-link-out := $(out-dir)/$(BINARY)
ta-lds := $(out-dir)/ta.lds
ta-libs := $(ta-dev-kit-dir)/lib/libutee.a $(ta-dev-kit-dir)/lib/libutils.a \
	$(ta-dev-kit-dir)/lib/libmbedtls.a

ta-ldflags := -pie --no-dynamic-linker -z max-page-size=4096 -z norelro \
	-z noexecstack --sort-section=alignment --build-id=none \
	--hash-style=both --orphan-handling=warn \
	-e __ta_entry --undefined=__ta_entry \
	--dynamic-list=$(ta-dev-kit-dir)/src/ta.dynlist

.PHONY: all clean
all: $(ta-link-out).ta $(ta-link-out).dmp

$(ta-lds): $(ta-dev-kit-dir)/src/ta.ld.S $(ta-flags-file)
	@mkdir -p $(dir $@)
	$(ta-echo) '  CPP     $@'
	$(q)$(ta-cc) -E -P -undef -x c $< -o $@

$(ta-link-out).elf: $(ta-objs) $(ta-lds) $(ta-libs) $(ta-dev-kit-dir)/src/ta.dynlist
	$(ta-echo) '  LD      $@'
	$(q)$(ta-ld) $(ta-ldflags) -T $(ta-lds) -Map=$(ta-link-out).map \
		$(ta-objs) $(LDADD) -L$(ta-dev-kit-dir)/lib \
		--start-group -lutils -lutee -lmbedtls $(ta-libgcc) --end-group -o $@
	$(q)READELF=$(ta-readelf) $(ta-dev-kit-dir)/scripts/check_ta_elf.sh $@ || \
		{ rm -f $@; exit 1; }

$(ta-link-out).map: $(ta-link-out).elf

$(ta-link-out).dmp: $(ta-link-out).elf
	$(ta-echo) '  OBJDUMP $@'
	$(q)$(ta-objdump) -l -x -d $< >$@

$(ta-link-out).stripped.elf: $(ta-link-out).elf
	$(ta-echo) '  OBJCOPY $@'
	$(q)$(ta-objcopy) --strip-unneeded $< $@

$(ta-link-out).ta: $(ta-link-out).stripped.elf $(TA_SIGN_KEY) $(SIGN_TA)
	$(ta-echo) '  SIGN    $@'
	$(q)$(SIGN_TA) --key $(TA_SIGN_KEY) --uuid $(BINARY) \
		--ta-version $(CFG_TA_VERSION) --in $< --out $@

clean:
	$(ta-echo) '  CLEAN   $(out-dir)'
	$(q)rm -f $(ta-objs) $(addsuffix .d,$(ta-objs)) $(ta-lds) \
		$(ta-flags-file) $(addprefix $(ta-link-out),.elf .map .dmp \
		.stripped.elf .ta)
