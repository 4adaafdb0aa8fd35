// For the real-window tests: puts a draft (text typed but not saved) into the
// device store beside a database, as if the couple had typed it and closed
// Hearth. Usage: hearth_set_draft DB KEY TEXT
#include "device_store.h"

#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: hearth_set_draft DB KEY TEXT\n");
        return 2;
    }
    auto device = hearth::DeviceStore::open_file(hearth::DeviceStore::path_for(argv[1]));
    device.set_draft(argv[2], argv[3]);
    return device.draft(argv[2]) == argv[3] ? 0 : 1;
}
