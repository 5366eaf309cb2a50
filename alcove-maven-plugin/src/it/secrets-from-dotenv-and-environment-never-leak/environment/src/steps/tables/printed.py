# A step that prints its whole environment, as a careless or hostile one might: the store's keys
# must not be in it.
import os
import shutil
import sys

for name, value in sorted(os.environ.items()):
    print(f"step environment: {name}={value}")
shutil.copyfile(sys.argv[1], sys.argv[2])
