import pytest

from tests.factories import make_project_index, make_scoping_study


@pytest.fixture
def project_index(home):
    return make_project_index(home)


@pytest.fixture
def scoping_study(project_index, blog):
    return make_scoping_study(project_index)
